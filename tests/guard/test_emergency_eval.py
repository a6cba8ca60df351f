"""Measuring emergency detection (`kefu.guard.emergency_eval`): reading a labelled file,
refusing a bad one with its file and line, and counting what each detector catches."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kefu.guard.emergency_eval import EmergencySetError, evaluate, load_labelled
from kefu.guard.emergency_head import EmergencyHead
from kefu.retrieval.embedders import HashingEmbedder

ROWS = [
    {"text": "my dad has crushing chest pain and is sweating", "label": 1},
    {"text": "grandpa is ice cold and mumbling since the heating failed", "label": 1},
    {"text": "where is my order, it was due monday", "label": 0},
    {"text": "我胸口痛得厉害", "label": 1, "kind": "chest"},
    {"text": "退款多久到账", "label": 0},
]


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_labelled_file_is_read_with_each_rows_language(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(r, ensure_ascii=False) for r in ROWS] + [""])
    rows = load_labelled(path)
    assert [r.label for r in rows] == [1, 1, 0, 1, 0]
    assert [r.language for r in rows] == ["en", "en", "en", "zh", "zh"]
    assert rows[3].kind == "chest"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "set.jsonl:2: invalid row"),
        ('{"text": "hello"}', "set.jsonl:2: invalid row: 'label'"),
        ('{"text": "hello", "label": 2}', "'label' must be 1"),
        ('{"text": "hello", "label": true}', "'label' must be 1"),
        ('{"text": "   ", "label": 0}', "'text' must be a non-empty string"),
        ('["text", 1]', "set.jsonl:2: invalid row"),
    ],
)
def test_a_bad_row_names_the_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = _write(tmp_path, [json.dumps(ROWS[0]), line])
    with pytest.raises(EmergencySetError, match=problem.replace("(", r"\(")):
        load_labelled(path)


def test_an_empty_missing_or_binary_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmergencySetError, match="no rows"):
        load_labelled(_write(tmp_path, ["", "  "]))
    with pytest.raises(EmergencySetError, match="cannot read"):
        load_labelled(tmp_path / "absent.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(EmergencySetError, match="cannot read"):
        load_labelled(binary)


def test_without_a_head_only_the_rules_are_counted(tmp_path: Path) -> None:
    rows = load_labelled(_write(tmp_path, [json.dumps(r, ensure_ascii=False) for r in ROWS]))
    report = evaluate(rows, HashingEmbedder())  # no bundled head for the fake embedder
    assert report["learned_check"] is False and list(report["detectors"]) == ["rules"]
    overall = report["detectors"]["rules"]["overall"]
    # The rules know chest pain in both languages, not a cold, mumbling grandfather.
    assert (overall["caught"], overall["emergencies"], overall["false_alarms"]) == (2, 3, 0)
    assert overall["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert overall["precision"] == 1.0
    assert [m["text"] for m in report["missed"]] == [ROWS[1]["text"]]


def test_a_head_adds_its_own_row_and_the_union(tmp_path: Path) -> None:
    rows = load_labelled(_write(tmp_path, [json.dumps(r, ensure_ascii=False) for r in ROWS]))
    embedder = HashingEmbedder()
    direction = embedder.embed_queries([str(ROWS[1]["text"])])[0].astype(np.float64)
    head = EmergencyHead("hashing", tuple(direction.tolist()), 0.0, {"en": 0.9, "zh": 0.9})
    report = evaluate(rows, embedder, head=head)
    assert list(report["detectors"]) == ["rules", "learned", "rules or learned"]
    assert report["detectors"]["learned"]["overall"]["caught"] == 1
    both = report["detectors"]["rules or learned"]
    assert both["overall"]["caught"] == 3 and both["overall"]["recall"] == 1.0
    assert both["en"]["emergencies"] == 2 and both["zh"]["emergencies"] == 1
    assert report["missed"] == []
