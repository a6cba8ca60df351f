"""How well emergencies are caught: the rules, the learned check and both together, on a
labelled JSONL file (``{"text": ..., "label": 1 | 0}`` per line; ``kind`` and ``language``
optional; ``before``: the customer's earlier messages in the chat, oldest first, read as the
assistant reads them, `kefu.guard.emergency_turns`), per language. `kefu eval emergency` and
scripts/train_emergency_head.py report with it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import KefuError

if TYPE_CHECKING:
    from kefu.guard.emergency_head import EmergencyHead
    from kefu.retrieval.base import Embedder

# The blind sets (devsets/emergency/README.md): emergencies with look-alikes, emergencies
# wrapped in ordinary requests, and ordinary messages alone.
DEFAULT_SETS = tuple(
    Path(f"devsets/emergency/{name}_{lang}.jsonl")
    for name in ("blind", "blind2", "ordinary_blind")
    for lang in ("en", "zh")
)


class EmergencySetError(KefuError):
    """A labelled emergency file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Labelled:
    text: str
    label: int  # 1: an emergency now; 0: not one
    language: str
    kind: str = ""
    before: tuple[str, ...] = ()  # the customer's earlier messages, oldest first


def load_labelled(path: str | Path) -> list[Labelled]:
    from kefu.dialogue.incoming import reply_language

    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EmergencySetError(f"cannot read the emergency set {path}: {exc}") from exc
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, label = row["text"], row["label"]
            if not isinstance(text, str) or not text.strip():
                raise ValueError("'text' must be a non-empty string")
            if label not in (0, 1) or isinstance(label, bool):
                raise ValueError("'label' must be 1 (an emergency) or 0")
            language = str(row.get("language") or reply_language(text))
            before = row.get("before", [])
            if not isinstance(before, list) or not all(isinstance(b, str) for b in before):
                raise ValueError("'before' must be a list of strings")
            kind = str(row.get("kind", ""))
            rows.append(Labelled(text, int(label), language, kind, tuple(before)))
        except (ValueError, KeyError, TypeError) as exc:
            raise EmergencySetError(f"{path}:{n}: invalid row: {exc}") from exc
    if not rows:
        raise EmergencySetError(f"{path}: no rows")
    return rows


def evaluate(
    rows: Sequence[Labelled],
    embedder: Embedder | None,
    *,
    head: EmergencyHead | None = None,
    max_misses: int = 50,
) -> dict[str, Any]:
    """Counts and scores for the rules, the learned check (``head``, else the embedder's
    bundled one, if any) and both, overall and per language, plus the emergencies both
    missed."""
    import numpy as np

    from kefu.dialogue.intents import triage
    from kefu.guard.emergency_head import bundled_head, flags_message
    from kefu.guard.emergency_turns import completes_crisis
    from kefu.guard.safety import NOT_FOR_THE_HEAD
    from kefu.retrieval.base import search_vectors

    label = np.array([r.label for r in rows])
    kinds = [triage(r.text) for r in rows]

    def ruled(row: Labelled, kind: str) -> bool:
        alone = kind == "emergency"
        return alone or completes_crisis(row.text, row.before, lambda t: triage(t) == "emergency")

    rules = np.array([ruled(r, k) for r, k in zip(rows, kinds, strict=True)])
    detectors: dict[str, Any] = {"rules": rules}
    if head is None and embedder is not None:
        head = bundled_head(embedder.name)
    if head is not None and embedder is not None:
        vectors = search_vectors(embedder, [r.text for r in rows])
        # As the assistant reads it: without idioms and mentions that are not an emergency now,
        # nor over the kinds the rules answer with a reply of their own (NOT_FOR_THE_HEAD: a
        # romance scam's "他妈妈住院了" gets "do not pay", never the ambulance).
        learned = np.array(
            [
                (kind == "emergency" or kind not in NOT_FOR_THE_HEAD)
                and flags_message(head, r.text, v, r.language, embedder)
                for v, r, kind in zip(vectors, rows, kinds, strict=True)
            ]
        )
        detectors["learned"] = learned
        detectors["rules or learned"] = rules | learned
    languages = sorted({r.language for r in rows})
    report: dict[str, Any] = {
        "rows": len(rows),
        "emergencies": int(label.sum()),
        "embedder": embedder.name if embedder is not None else None,
        "learned_check": head is not None,
        "detectors": {},
    }
    for name, flagged in detectors.items():
        per: dict[str, Any] = {"overall": _scores(label, flagged)}
        for lang in languages:
            mine = np.array([r.language == lang for r in rows])
            per[lang] = _scores(label[mine], flagged[mine])
        report["detectors"][name] = per
    final = detectors[list(detectors)[-1]]
    report["missed"] = [
        {"text": r.text, "language": r.language, "kind": r.kind}
        for r, f in zip(rows, final, strict=True)
        if r.label == 1 and not f
    ][:max_misses]
    return report


def _scores(label: Any, flagged: Any) -> dict[str, Any]:
    from sklearn.metrics import precision_recall_fscore_support

    positives, negatives = int((label == 1).sum()), int((label == 0).sum())
    precision, recall, f1, _ = precision_recall_fscore_support(
        label, flagged, average="binary", pos_label=1, zero_division=0.0
    )
    return {
        "caught": int(flagged[label == 1].sum()),
        "emergencies": positives,
        "false_alarms": int(flagged[label == 0].sum()),
        "non_emergencies": negatives,
        "precision": round(float(precision), 4),
        "recall": round(float(recall), 4),
        "f1": round(float(f1), 4),
    }
