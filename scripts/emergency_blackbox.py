"""The black-box testers' emergency rows, for ``train_emergency_head.py`` (docs/safety.md).

Each tester wrote, alone and without sight of kefu's code, emergencies as their customers say
them and look-alikes as close as they could make them. They are dev data, so the head may fit
on them; a folder's ``heldout_*`` files and anything named "blind" are never read. Only rows
whose label is clear are taken: ``{"text", "label"}`` sets, ``expect_emergency`` true/false,
``emergency`` true/false, a probe marked EMERGENCY / NOT_EMERGENCY, a ride-hailing row of kind
``emerg`` / ``lookalike``, a red-team demo case whose facts require the emergency number (and
its controls). Conversations are left out: which turn is the emergency is not written down.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# A negative whose kind says it was written to look like an emergency is weighted as a
# look-alike; the testers' FAQ, document and privacy questions are support messages.
_LOOK_ALIKE_KINDS = ("look", "near", "slang", "idiom")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _label(row: dict[str, Any], folder: str) -> int | None:
    """1, 0, or None where the row does not say."""
    for key in ("label", "expect_emergency", "emergency"):
        value = row.get(key)
        if isinstance(value, bool | int):
            return int(value)
    probe = row.get("probe")
    if probe in ("EMERGENCY", "NOT_EMERGENCY"):
        return int(probe == "EMERGENCY")
    if folder == "ride_hailing":
        return {"emerg": 1, "lookalike": 0}.get(str(row.get("kind")))
    attack = str(row.get("attack", ""))
    if attack:
        if "emergency number or crisis line in the first sentence" in row.get("facts", []):
            return 1
        return 0 if attack.startswith("control") else None
    return None


def source_files(root: Path) -> list[Path]:
    patterns = (
        "*/emergency*_set.jsonl",
        "hospital/emergency_eval_set.jsonl",
        "ride_hailing/data/emergency_*.jsonl",
        "lending/data/single.jsonl",
        "game/data/danger*.jsonl",
        "game/data/slang*.jsonl",
        "property/data/single.jsonl",
        "property/data/extra.jsonl",
        "telehealth/probes.jsonl",
        "redteam_demo/data/probes_*.jsonl",
        "maternity/data/single_probes*.jsonl",
        "maternity/data/v1_and_pii.jsonl",
        "food_delivery/q/emerg*.jsonl",
    )
    found = {p for pattern in patterns for p in root.glob(pattern)}
    return sorted(p for p in found if "heldout" not in p.name and "blind" not in p.name)


def blackbox_rows(root: Path) -> dict[str, list[tuple[str, int, str]]]:
    """Per tester folder, ``(text, label, source)`` once per text. The source starts with
    ``written:`` for a look-alike (weighted as one) and ``ordinary:`` for a support message,
    as `train_emergency_head.Row` reads them; an emergency's is ``blackbox:<folder>``."""
    out: dict[str, dict[str, tuple[str, int, str]]] = {}
    for path in source_files(root):
        folder = path.relative_to(root).parts[0]
        for row in _jsonl(path):
            text = row.get("text") or row.get("q") or row.get("query")
            label = _label(row, folder)
            if not isinstance(text, str) or not text.strip() or label is None:
                continue
            kind = str(row.get("kind") or row.get("attack") or "")
            if label:
                source = f"blackbox:{folder}"
            elif not kind or any(k in kind for k in _LOOK_ALIKE_KINDS):
                source = f"written:blackbox-{folder}"
            else:
                source = f"ordinary:blackbox-{folder}"
            mine = out.setdefault(folder, {})
            if text in mine and mine[text][1] != label:
                mine[text] = (text, -1, source)  # two files disagree: the label is not clear
            else:
                mine.setdefault(text, (text, label, source))
    return {folder: [r for r in rows.values() if r[1] >= 0] for folder, rows in sorted(out.items())}
