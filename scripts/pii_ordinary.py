"""False positives of PII redaction on ordinary text: how many messages `redact` changes.

    .venv/bin/python scripts/pii_ordinary.py              # counts per set
    .venv/bin/python scripts/pii_ordinary.py --changed    # also each changed text, redacted
    .venv/bin/python scripts/pii_ordinary.py --json F     # every changed text to F (for diffs)

The sets hold no personal data, so every change is a false positive (or a business's own
number or address in a knowledge-base text, which the answer path never redacts):

* messages: the queries of devsets/packs and devsets/domains, and the ordinary messages of
  devsets/emergency (what customers type);
* packs: the question and answer of every FAQ row of the demo packs (src/kefu/packs/data) and
  of devsets/domains (business text);
* shared: the training splits of BANKING77, CLINC150 (with its out-of-scope training
  queries), the Bitext sample and the Chinese medical questions, from ../shared/datasets
  (or --shared DIR) where present (train splits only, see its README).

Compare two versions of the recognisers by running this with each and diffing the --json files.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu.guard import redact  # noqa: E402

SHARED = ROOT.parent / "shared" / "datasets"


def _jsonl(path: Path, field: str) -> Iterator[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)[field]


def _csv(path: Path, *fields: str) -> Iterator[str]:
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            for field in fields:
                if row.get(field):
                    yield row[field]


def messages() -> Iterator[str]:
    for folder in ("packs", "domains"):
        for path in sorted((ROOT / "devsets" / folder).glob("*.jsonl")):
            yield from _jsonl(path, "query")
    for path in sorted((ROOT / "devsets" / "emergency").glob("ordinary*.jsonl")):
        yield from _jsonl(path, "text")


def packs() -> Iterator[str]:
    for path in sorted((ROOT / "src" / "kefu" / "packs" / "data").glob("*.csv")):
        yield from _csv(path, "question", "answer")
    for path in sorted((ROOT / "devsets" / "domains").glob("*.csv")):
        yield from _csv(path, "question", "answer")


def shared(folder: Path) -> Iterator[str]:
    if not folder.exists():
        return
    yield from _csv(folder / "banking77" / "train.csv", "text")
    clinc = json.loads((folder / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    for split in ("train", "oos_train"):
        yield from (text for text, _ in clinc[split])
    yield from _csv(folder / "bitext_cs_8k" / "bitext_cs_8k.csv", "utterance")
    yield from _csv(folder / "zh_medical_qa" / "internal_medicine.csv", "title", "ask")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changed", action="store_true", help="list each changed text")
    parser.add_argument("--json", type=Path, help="write {set: {text: redacted}} here")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data sets")
    args = parser.parse_args(argv)
    sets = {"messages": messages(), "packs": packs(), "shared": shared(args.shared)}
    changed: dict[str, dict[str, str]] = {}
    for name, texts in sets.items():
        seen = list(dict.fromkeys(texts))
        changed[name] = {t: r for t in seen if (r := redact(t)) != t}
        print(f"{name:<9}{len(changed[name]):>5} of {len(seen):>6} texts changed")
        if args.changed:
            for redacted in changed[name].values():
                print("   ", redacted.replace("\n", " ")[:200])
    if args.json:
        args.json.write_text(json.dumps(changed, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
