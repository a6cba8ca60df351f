"""The safety triage's verdict on every message kefu has: how many of each set get which kind.

Run it before and after a change to the rules and compare message by message:

    PYTHONPATH=src python scripts/triage_corpus.py --dump before.json
    ... change the rules ...
    PYTHONPATH=src python scripts/triage_corpus.py --dump after.json --compare before.json

Sets (dev and train data only; the held-out FAQ queries and red-team set are never read):
the demo packs' FAQ questions, the pack and new-business dev queries and FAQ questions, the
black-box testers' sets, the emergency sets' ordinary and look-alike messages, the red-team dev
set, and, where ``../shared/datasets`` (or ``--shared``) exists, the BANKING77, CLINC150 and
Bitext train splits and the Chinese medical questions.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kefu.guard.safety import assess

ROOT = Path(__file__).resolve().parents[1]


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _csv_column(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8-sig") as fh:
        return [row[column] for row in csv.DictReader(fh) if row.get(column)]


def _texts_of(row: dict[str, object]) -> list[str]:
    """The customer's words in a row of any dev set: a query, a text, or a conversation."""
    out = []
    for key in ("query", "text", "message"):
        if isinstance(row.get(key), str):
            out.append(str(row[key]))
    turns = row.get("turns")
    if isinstance(turns, list):
        for turn in turns:
            if isinstance(turn, str):
                out.append(turn)
            elif isinstance(turn, dict) and turn.get("role", "customer") in ("customer", "user"):
                out.append(str(turn.get("text", "")))
    return out


def sets(shared: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    packs = ROOT / "src" / "kefu" / "packs" / "data"
    out["pack FAQ questions"] = [
        q for p in sorted(packs.glob("*.csv")) for q in _csv_column(p, "question")
    ]
    out["pack dev queries"] = [
        str(r["query"]) for p in sorted((ROOT / "devsets/packs").glob("*.jsonl")) for r in _jsonl(p)
    ]
    domains = ROOT / "devsets" / "domains"
    out["new-business FAQ questions"] = [
        q for p in sorted(domains.glob("*.csv")) for q in _csv_column(p, "question")
    ]
    out["new-business dev queries"] = [
        str(r["query"]) for p in sorted(domains.glob("*.jsonl")) for r in _jsonl(p)
    ]
    blackbox = ROOT / "devsets" / "blackbox"

    # bad_input/bad_files/ holds knowledge files broken on purpose (an operator's test): no
    # customer wrote them, and some do not parse.
    def dev(pattern: str) -> list[Path]:
        return [p for p in sorted(blackbox.rglob(pattern)) if "bad_files" not in p.parts]

    texts = [t for p in dev("*.jsonl") for r in _jsonl(p) for t in _texts_of(r)]
    texts += [q for p in dev("*.csv") for q in _csv_column(p, "question")]
    texts += [
        t
        for p in sorted((ROOT / "devsets" / "followups").glob("*.jsonl"))
        for r in _jsonl(p)
        for t in _texts_of(r)
    ]
    out["black-box and follow-up sets"] = texts
    out["emergency sets: ordinary and look-alikes"] = [
        str(r["text"])
        for p in sorted((ROOT / "devsets" / "emergency").glob("*.jsonl"))
        for r in _jsonl(p)
        if r.get("label") == 0
    ]
    out["red-team dev set"] = [
        t for r in _jsonl(ROOT / "devsets" / "redteam" / "redteam_dev.jsonl") for t in _texts_of(r)
    ]
    if (shared / "banking77").is_dir():
        out["BANKING77 train"] = _csv_column(shared / "banking77" / "train.csv", "text")
        clinc = json.loads((shared / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
        out["CLINC150 train"] = [t for t, _ in clinc["train"] + clinc["oos_train"]]
        out["Bitext"] = _csv_column(shared / "bitext_cs_8k" / "bitext_cs_8k.csv", "utterance")
        medical = shared / "zh_medical_qa" / "internal_medicine.csv"
        out["Chinese medical questions"] = _csv_column(medical, "title") + _csv_column(
            medical, "ask"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--dump", type=Path, help="write every flagged message and its kind")
    parser.add_argument("--compare", type=Path, help="an earlier --dump to compare with")
    parser.add_argument("--show", default="", help="print the messages given this kind")
    args = parser.parse_args()
    flagged: dict[str, dict[str, str]] = {}
    for name, texts in sets(args.shared).items():
        kinds = {t: assess(t) for t in texts}
        flagged[name] = {t: k for t, k in kinds.items() if k}
        counts = Counter(k for k in kinds.values() if k)
        print(f"{name}: {len(texts)} messages; " + ", ".join(f"{k} {n}" for k, n in counts.items()))
        if args.show:
            for t, k in kinds.items():
                if k == args.show:
                    print(f"    {t}")
    if args.dump:
        args.dump.write_text(json.dumps(flagged, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        for name, now in flagged.items():
            old = before.get(name, {})
            for text in sorted(set(old) | set(now)):
                if old.get(text) != now.get(text):
                    print(f"changed [{name}] {old.get(text)} -> {now.get(text)}: {text}")


if __name__ == "__main__":
    main()
