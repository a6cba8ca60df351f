"""What the "You could also ask" questions offer, at each floor (`kefu.dialogue.related`).

    .venv/bin/python scripts/eval_related.py                    # every black-box FAQ set
    .venv/bin/python scripts/eval_related.py --set gym --set dating -v

Each set is a black-box tester's knowledge (devsets/blackbox/NAME: its kb/ folder, else the
knowledge files beside the questions) and its questions in `kefu eval faq` form ({"query",
"expected": id or null, optionally "also_ok": [ids]}). Every question runs through the real
Assistant's plan (default embedder and calibration, triage included; the fake LLM: a decline
never reaches a model) in a temporary KEFU_HOME. For the questions declined for low confidence
it records the confidence and the related questions offered at floor 0, then prints, per floor:

* answerable, declined: how many, how many were offered anything, and how many were offered
  their own entry (the customer's way to the answer without waiting for a person);
* unanswerable, declined: how many were offered anything (noise: harmless, as the offer is
  the business's own questions, but a list of unrelated ones helps nobody).

The floor is chosen on the sets with odd positions in the list (the floor with the most
own-entry offers less half the unanswerable questions offered anything) and checked on the even
ones, so the figure reported is not the one tuned; both halves and the whole are printed.
Dev data only: these sets were written by testers and fixed on; no held-out file is read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BLACKBOX = ROOT / "devsets" / "blackbox"
SETS = {
    "gym": "eval_faq.jsonl",
    "dating": "eval_faq.jsonl",
    "eldercare": "eval_faq.jsonl",
    "lending": "eval_faq.jsonl",
    "maternity": "eval_faq.jsonl",
    "game": "eval_faq.jsonl",
    "property": "eval_faq.jsonl",
    "ride_hailing": "eval_faq.jsonl",
    "courier": "eval_queries_all.jsonl",
    "isp": "eval_all.jsonl",
    "learning": "eval_all.jsonl",
    "insurance": "evalq.jsonl",
    "bank": "faq_queries.jsonl",
    "food_delivery": "q/eval_faq.jsonl",
    "hk_telecom": "eval_single.jsonl",
}
FLOORS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
_KNOWLEDGE = {".csv", ".md", ".html", ".txt", ".pdf", ".json"}
# Beside the knowledge: the testers' notes, question files and an upload test's second copy.
_NOT_KNOWLEDGE = (
    "eval",
    "intents",
    "report",
    "readme",
    "fees_v2_uploaded",
    "multiturn",
    "all_results",
)


def knowledge_files(folder: Path) -> list[Path]:
    if (folder / "kb").is_dir():
        return [folder / "kb"]
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in _KNOWLEDGE
        and not p.name.lower().startswith(_NOT_KNOWLEDGE)
    )


def run_set(name: str, verbose: bool) -> list[dict[str, Any]]:
    from kefu.config import Settings
    from kefu.dialogue.assistant import Assistant
    from kefu.dialogue.related import related_questions

    folder = BLACKBOX / name
    queries = [
        json.loads(line)
        for line in (folder / SETS[name]).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with tempfile.TemporaryDirectory() as home:
        os.environ["KEFU_HOME"] = home
        assistant = Assistant(Settings(llm_backend="fake"))
        report = assistant.kb.add(knowledge_files(folder))
        if not report.ok:
            sys.exit(f"cannot load {name}: {report.failed}")
        rows = []
        for q in queries:
            plan = assistant.prepare(q["query"]).plan
            if plan.mode != "declined" or plan.reason != "low":
                continue
            offered = [s.id for s in related_questions(plan, floor=0.0)]
            expected = q.get("expected")
            ok = {expected, *q.get("also_ok", [])} - {None}
            row = {
                "set": name,
                "query": q["query"],
                "answerable": expected is not None,
                "confidence": round(plan.confidence, 4),
                "offered": offered,
                "own": bool(ok & set(offered)),
            }
            rows.append(row)
            if verbose:
                print(json.dumps(row, ensure_ascii=False))
        return rows


def table(rows: list[dict[str, Any]], title: str) -> None:
    print(f"\n{title}")
    print(
        "| floor | answerable declined | offered anything | offered their own entry | "
        "unanswerable declined | offered anything |"
    )
    print("|---|---|---|---|---|---|")
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    for floor in FLOORS:
        a = [r for r in answerable if r["confidence"] >= floor and r["offered"]]
        u = [r for r in unanswerable if r["confidence"] >= floor and r["offered"]]
        own = sum(r["own"] for r in a)
        cells = (f"{floor:.2f}", len(answerable), len(a), own, len(unanswerable), len(u))
        print("| " + " | ".join(str(c) for c in cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=sorted(SETS), help="default: all")
    parser.add_argument("--rows", type=Path, help="also write the declined rows as JSONL here")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every declined row")
    parser.add_argument(
        "--from-rows",
        type=Path,
        action="append",
        help="summarise rows written by earlier --rows runs instead of running (repeatable)",
    )
    args = parser.parse_args()
    names = args.set or list(SETS)
    rows: list[dict[str, Any]] = []
    if args.from_rows:
        for path in args.from_rows:
            lines = path.read_text(encoding="utf-8").splitlines()
            rows += [json.loads(line) for line in lines if line.strip()]
        names = [n for n in SETS if any(r["set"] == n for r in rows)]
    else:
        if args.rows:
            args.rows.write_text("")
        for i, name in enumerate(names, 1):
            print(f"[{i}/{len(names)}] {name}", file=sys.stderr, flush=True)
            found = run_set(name, args.verbose)
            rows += found
            if args.rows:  # set by set: a long run that stops keeps what it measured
                with args.rows.open("a", encoding="utf-8") as out:
                    out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in found)
    if len(names) > 1:
        chosen = set(names[0::2])
        table([r for r in rows if r["set"] in chosen], f"sets 1, 3, 5… ({', '.join(names[0::2])})")
        table(
            [r for r in rows if r["set"] not in chosen], f"sets 2, 4, 6… ({', '.join(names[1::2])})"
        )
    table(rows, "all sets")


if __name__ == "__main__":
    main()
