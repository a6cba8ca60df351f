from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kefu.guard.evaluate import evaluate, load_examples

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "devsets" / "pii_dev.jsonl"
REPORTED = ROOT / "benchmarks" / "data" / "pii_eval.jsonl"


def test_evaluate_counts_exact_matches_misses_and_spurious_spans() -> None:
    examples: list[dict[str, Any]] = [
        # exact hit
        {"text": "mail a@b.com", "spans": [{"kind": "EMAIL", "start": 5, "end": 12}]},
        # gold span one char too long -> one miss and one spurious prediction
        {"text": "mail a@b.com.", "spans": [{"kind": "EMAIL", "start": 5, "end": 13}]},
        # missed (a phone the recognisers do not cover: no separators, not Chinese)
        {"text": "call 4155550132", "spans": [{"kind": "PHONE", "start": 5, "end": 15}]},
        # no gold, one prediction -> false positive
        {"text": "ip 10.0.0.1", "spans": []},
    ]
    result = evaluate(examples)
    assert result["examples"] == 4
    email = result["per_kind"]["EMAIL"]
    assert (email["tp"], email["fp"], email["fn"]) == (1, 1, 1)
    assert result["per_kind"]["PHONE"]["recall"] == 0.0
    assert result["per_kind"]["IP"]["precision"] == 0.0
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 2, 2)
    assert overall["precision"] == pytest.approx(1 / 3)
    assert overall["recall"] == pytest.approx(1 / 3)
    assert len(result["errors"]) == 3


def test_evaluate_empty_input() -> None:
    result = evaluate([])
    assert result["examples"] == 0
    assert result["overall"]["tp"] == 0
    assert result["per_kind"] == {}


def test_load_examples_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    row = {"text": "电话13800138000", "spans": [{"kind": "PHONE", "start": 2, "end": 13}]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert load_examples(path) == [row]
    assert evaluate(load_examples(path))["overall"]["recall"] == 1.0


@pytest.mark.skipif(
    not DEV.exists(), reason="devsets/pii_dev.jsonl missing: run scripts/make_pii_set.py"
)
def test_dev_split_meets_targets() -> None:
    examples = load_examples(DEV)
    assert len(examples) >= 2000
    assert {e["lang"] for e in examples} == {"en", "zh"}
    for e in examples[:200]:
        for s in e["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(e["text"])
    result = evaluate(examples)
    assert result["overall"]["recall"] >= 0.99, result["errors"]
    assert result["overall"]["precision"] >= 0.95, result["errors"]
    # every kind is represented and none is far below target
    assert set(result["per_kind"]) == {
        "EMAIL",
        "PHONE",
        "CARD",
        "CN_ID",
        "IBAN",
        "SSN",
        "IP",
        "ADDRESS",
    }
    for kind, scores in result["per_kind"].items():
        assert scores["support"] >= 50, kind
        assert scores["recall"] >= 0.95, (kind, scores)


@pytest.mark.skipif(not REPORTED.exists(), reason="benchmarks/data/pii_eval.jsonl missing")
def test_reported_set_shape() -> None:
    # Only the shape is checked here; the figure itself is reported by scripts/eval_pii.py.
    assert REPORTED.stat().st_size < 1_100_000
    examples = load_examples(REPORTED)
    assert len(examples) >= 2000
    negatives = sum(1 for e in examples if not e["spans"])
    assert negatives >= 300
    dev_texts = {e["text"] for e in load_examples(DEV)} if DEV.exists() else set()
    overlap = sum(1 for e in examples if e["text"] in dev_texts)
    assert overlap < len(examples) * 0.05
