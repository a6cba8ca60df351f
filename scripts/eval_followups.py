"""Follow-up questions in conversations: how often the follow-up turn cites the right entry.

    .venv/bin/python scripts/eval_followups.py                 # devsets/followups/climbing.*
    .venv/bin/python scripts/eval_followups.py --kb F.csv --conversations F.jsonl -v

Each line of the conversations file is {"id", "turns": [...], "expected": [...]}, one expected
value per turn: a list of acceptable entry ids, or null where the assistant should hand the
customer to a person. Every conversation runs through the real Assistant (default embedder and
calibration, the fake LLM: FAQ answers never reach a model) in a temporary KEFU_HOME, and the
turns after the first are scored:

* right: the first cited entry is an expected one (null expected: `handoff` is true);
* wrong: an answer without handoff that cites another entry (or any entry where null was
  expected);
* declined: the rest (handed over where an entry was expected).

Dev data: the conversations were written by a tester who had not seen kefu's code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEFAULT = ROOT / "devsets" / "followups" / "climbing"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--kb",
        type=Path,
        action="append",
        help="a knowledge file or folder (repeat for several; default: the climbing gym's FAQ)",
    )
    parser.add_argument("--conversations", type=Path, default=DEFAULT.with_suffix(".jsonl"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every scored turn")
    args = parser.parse_args()
    conversations = [
        json.loads(line)
        for line in args.conversations.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with tempfile.TemporaryDirectory() as home:
        os.environ["KEFU_HOME"] = home
        from kefu.config import Settings
        from kefu.dialogue.assistant import Assistant

        assistant = Assistant(Settings(llm_backend="fake"))
        report = assistant.kb.add(args.kb or [DEFAULT.with_suffix(".csv")])
        if not report.ok:
            sys.exit(f"cannot load {args.kb}: {report.failed}")
        counts = {"right": 0, "wrong": 0, "declined": 0}
        for conv in conversations:
            session = assistant.start()
            for n, (text, expected) in enumerate(zip(conv["turns"], conv["expected"], strict=True)):
                answer = assistant.ask(text, session_id=session)
                if n == 0:
                    continue
                cited = (
                    answer.sources[0].id if answer.sources and answer.mode != "declined" else None
                )
                if isinstance(expected, str):  # one id written without its list
                    expected = [expected]
                if expected is None:
                    verdict = "right" if answer.handoff else "wrong"
                elif cited in expected:
                    verdict = "right"
                else:
                    verdict = "wrong" if cited is not None and not answer.handoff else "declined"
                counts[verdict] += 1
                if args.verbose:
                    print(
                        f"{verdict:8s} {text!r} expected {expected} cited {cited} "
                        f"confidence {answer.confidence:.2f} {answer.mode}"
                    )
    total = sum(counts.values())
    print(f"follow-up turns: {total}; " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
