"""Measure which business instruction `kefu.dialogue.hazard_entry` adds to an emergency reply.

Each row of devsets/hazard/hazard_dev.jsonl is an emergency said to one business (a folder of
devsets/blackbox/) and the entries that may rightly be quoted ([] where nothing may: a heart
attack in an energy supplier's chat). Prints how often the right instruction is added, how
often a wrong one is (must stay 0), and each miss or wrong pick.

    python scripts/hazard_dev.py [--set devsets/hazard/hazard_dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kefu.dialogue.hazard_entry import hazard_passage
from kefu.errors import MissingDependency
from kefu.ingest.loaders import load_file
from kefu.types import Entry

_ROOT = Path(__file__).resolve().parent.parent
_SKIP = {".jsonl", ".json"}


def _entries(kb: str) -> list[Entry]:
    folder = _ROOT / "devsets" / "blackbox" / kb
    out: list[Entry] = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix not in _SKIP and path.name != "README.md":
            try:
                out += load_file(path)
            except MissingDependency as exc:  # HTML without beautifulsoup4: said, not fatal
                print(f"skipped {path.name}: {exc}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(_ROOT / "devsets/hazard/hazard_dev.jsonl"))
    args = parser.parse_args()
    rows = [json.loads(line) for line in Path(args.set).read_text().splitlines() if line]
    kbs: dict[str, list[Entry]] = {}
    right = wrong = missed = quiet = 0
    expected = sum(bool(r["expect"]) for r in rows)
    for row in rows:
        if row["kb"] not in kbs:
            kbs[row["kb"]] = _entries(row["kb"])
        entries = kbs[row["kb"]]
        found = hazard_passage(row["query"], entries, row["lang"])
        got = None if found is None else found[0].entry.id
        if got is None:
            quiet += not row["expect"]
            missed += bool(row["expect"])
            if row["expect"]:
                print(f"MISS  [{row['kb']}] {row['query']}")
        elif got in row["expect"]:
            right += 1
        else:
            wrong += 1
            shown = found[1][:100]
            print(f"WRONG [{row['kb']}] {row['query']} -> {got}: {shown}")
    print(
        f"{len(rows)} emergencies: right instruction added {right}/{expected}, missed {missed}, "
        f"wrong added {wrong}, nothing (rightly) {quiet}/{len(rows) - expected}"
    )


if __name__ == "__main__":
    main()
