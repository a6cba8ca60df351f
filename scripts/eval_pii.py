"""Measure PII detection on the reported set (benchmarks/data/pii_eval.jsonl).

    .venv/bin/python scripts/eval_pii.py [--json] [--file PATH] [--errors]

Regenerate the data with scripts/make_pii_set.py. Tune on devsets/pii_dev.jsonl only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu.guard.evaluate import evaluate, load_examples  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=ROOT / "benchmarks/data/pii_eval.jsonl")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--errors", action="store_true", help="also list mistakes")
    args = parser.parse_args(argv)
    result = evaluate(load_examples(args.file))
    if args.json:
        if not args.errors:
            result.pop("errors")
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{args.file.name}: {result['examples']} examples")
    print(f"{'kind':<9}{'support':>8}{'tp':>6}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>8}")
    rows = [*result["per_kind"].items(), ("OVERALL", result["overall"])]
    for kind, s in rows:
        print(
            f"{kind:<9}{s['support']:>8}{s['tp']:>6}{s['fp']:>5}{s['fn']:>5}"
            f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
        )
    if args.errors:
        for err in result["errors"]:
            print(json.dumps(err, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
