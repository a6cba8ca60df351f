"""The coverage check (places, payment methods) on the dev sets: each turn's plan before and after.

    .venv/bin/python scripts/eval_places.py            # every dev set below
    .venv/bin/python scripts/eval_places.py -v --only places   # print the turns that change

Every question runs through the real Assistant (default embedder and calibration, the fake
LLM) as a first turn in a temporary KEFU_HOME; `kefu.dialogue.coverage.check` is wrapped so
that one run gives the plan it received (before) and the plan it returned (after). Scored:

* answerable (an expected id): right when the plan answers (curated, generated, extractive)
  citing an expected entry (or a chunk of an expected document), wrong when it answers citing
  another, declined otherwise;
* unanswerable (``expected: null``): wrongly answered when the plan answers at all.

Dev data only: the pack dev sets, devsets/domains, devsets/blackbox and devsets/places.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEV = ROOT / "devsets"
BB = DEV / "blackbox"
KNOWLEDGE_SUFFIXES = (".csv", ".md", ".html", ".txt")


def _files(folder: Path, *extra: str) -> list[Path]:
    found = [p for p in sorted(folder.iterdir()) if p.suffix in KNOWLEDGE_SUFFIXES]
    return [p for p in found if p.name != "README.md"] + [folder / e for e in extra]


def dev_sets() -> list[tuple[str, list[Path], list[Path]]]:
    """(name, knowledge files, query files) for every dev set with expected ids or null."""
    sets: list[tuple[str, list[Path], list[Path]]] = []
    for q in sorted((DEV / "packs").glob("*.jsonl")):
        sets.append((f"pack:{q.stem}", [ROOT / "src/kefu/packs/data" / f"{q.stem}.csv"], [q]))
    for q in sorted((DEV / "domains").glob("*.jsonl")):
        sets.append((f"domain:{q.stem}", [q.with_suffix(".csv")], [q]))
    bb = {
        "isp": ["eval_all.jsonl", "mixed.jsonl"],
        "learning": ["eval_all.jsonl"],
        "einvoice": ["queries.jsonl", "queries2.jsonl", "queries_extra.jsonl"],
        "energy": ["faq_questions.jsonl"],
        "carrental": ["faq_questions.jsonl", "faq_questions_batch2.jsonl", "adhoc_questions.jsonl"],
        "bikeshop": ["questions.jsonl"],
        "pharmacy": ["answerable.jsonl", "unanswerable.jsonl"],
        "hotel": ["questions_near.jsonl"],
    }
    for name, queries in bb.items():
        extra = ("greencross_faq.jsonl",) if name == "pharmacy" else ()
        qs = [BB / name / q for q in queries]
        if name == "carrental":
            qs.append(DEV / "places" / "carrental_questions.jsonl")
        sets.append((f"blackbox:{name}", _files(BB / name, *extra), qs))
    sets.append(
        (
            "places:fashion",
            [DEV / "places" / "fashion_faq.csv"],
            [DEV / "places/fashion_questions.jsonl"],
        )
    )
    # The sets about places and payment methods first: a run cut short still shows them.
    return sets[-1:] + sets[12:-1] + sets[6:12] + sets[:6]


def _expected(row: dict[str, object]) -> list[str] | None:
    if "expected_source" in row and "expected" not in row:
        return None if row["expected_source"] is None else [str(row["expected_source"])]
    if row.get("expected") is None:
        return None
    return [str(row["expected"]), *[str(x) for x in row.get("also_ok", []) or []]]  # type: ignore[union-attr]


def _verdict(plan: object, expected: list[str] | None) -> str:
    mode = getattr(plan, "mode", "declined")
    passages = getattr(plan, "passages", [])
    answered = mode in ("curated", "generated", "extractive") and passages
    if expected is None:
        return "wrong" if answered else "right"
    if not answered:
        return "declined"
    cited = passages[0].entry.id
    ok = any(cited == e or cited.startswith(e + "#") or cited.startswith(e + ":") for e in expected)
    return "right" if ok else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the sets whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the turns that change")
    args = parser.parse_args()
    from kefu.config import Settings
    from kefu.dialogue import assistant as assistant_module
    from kefu.dialogue import coverage
    from kefu.text.language import detect_language

    seen: list[tuple[object, object]] = []
    original = coverage.check

    def recording(plan, question, passages):  # type: ignore[no-untyped-def]
        after = original(plan, question, passages)
        seen.append((plan, after))
        return after

    assistant_module.coverage.check = recording  # type: ignore[attr-defined]
    totals: Counter[tuple[str, str, str, str]] = Counter()
    for name, knowledge, query_files in dev_sets():
        if args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as home:
            os.environ["KEFU_HOME"] = home
            assistant = assistant_module.Assistant(Settings(llm_backend="fake"))
            report = assistant.kb.add(knowledge)
            if not report.ok:
                sys.exit(f"cannot load {name}: {report.failed}")
            for qf in query_files:
                for line in qf.read_text(encoding="utf-8").splitlines():
                    if not line.strip():
                        continue
                    row = json.loads(line)
                    expected = _expected(row)
                    lang = "zh" if detect_language(row["query"]) in ("zh", "mixed") else "en"
                    seen.clear()
                    plan = assistant.plan(row["query"], [])
                    before = seen[0][0] if seen else plan
                    kind = "answerable" if expected is not None else "unanswerable"
                    for when, p in (("before", before), ("after", plan)):
                        v = _verdict(p, expected)
                        totals[(when, kind, lang, v)] += 1
                        totals[(when, kind, "all", v)] += 1
                    if args.verbose and before is not plan:
                        print(
                            f"{name} {row['query']!r} expected {expected}: "
                            f"{_verdict(before, expected)} -> {_verdict(plan, expected)} "
                            f"({plan.reason})"
                        )
        _report(totals, name)


def _report(totals: Counter[tuple[str, str, str, str]], upto: str) -> None:
    """The running totals over every set so far (a long run can be cut short)."""
    print(f"-- totals up to {upto}")
    for kind in ("answerable", "unanswerable"):
        for lang in ("en", "zh", "all"):
            line = []
            for when in ("before", "after"):
                counts = {v: totals[(when, kind, lang, v)] for v in ("right", "wrong", "declined")}
                n = sum(counts.values())
                shown = ", ".join(f"{v} {c}" for v, c in counts.items() if c or v != "declined")
                line.append(f"{when}: {shown} (of {n})")
            print(f"{kind:12s} {lang:3s} " + " | ".join(line))


if __name__ == "__main__":
    main()
