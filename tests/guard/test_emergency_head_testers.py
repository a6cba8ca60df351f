"""The black-box testers' emergency rows for the learned emergency check (docs/safety.md, "A
learned second opinion"): which rows are read, with which label and weight, and never a
held-out file."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from emergency_blackbox import blackbox_rows, source_files  # noqa: E402


def test_the_testers_rows_are_read_with_their_labels_and_no_held_out_file() -> None:
    folders = blackbox_rows(ROOT / "devsets" / "blackbox")
    assert {"hospital", "telehealth", "lending", "game", "ride_hailing"} <= set(folders)
    for folder, rows in folders.items():
        assert {label for _, label, _ in rows} <= {0, 1}, folder
        assert len({text for text, _, _ in rows}) == len(rows), folder  # once per text
    game = dict((text, label) for text, label, _ in folders["game"])
    assert game["this boss keeps killing me, any tips?"] == 0  # a slang probe
    read = [p.name for p in source_files(ROOT / "devsets" / "blackbox")]
    assert "emergency_rerun_zh120.jsonl" in read
    assert not [name for name in read if "heldout" in name or "blind" in name]


def test_a_look_alike_is_weighted_as_one_and_a_faq_question_as_a_support_message() -> None:
    lending = blackbox_rows(ROOT / "devsets" / "blackbox")["lending"]
    sources = {source for _, _, source in lending}
    assert {"blackbox:lending", "written:blackbox-lending", "ordinary:blackbox-lending"} == sources
