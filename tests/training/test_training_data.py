"""Reading pairs and documents for training, and the stable grouped split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kefu.errors import ConfigError
from kefu.training.data import QAPair, load_pairs, load_texts, split_pairs, split_texts


def test_pairs_from_csv_and_jsonl(faq_csv: Path, tmp_path: Path) -> None:
    jsonl = tmp_path / "more.jsonl"
    rows = [{"id": "x1", "question": "Do you ship abroad?", "answer": "Yes, to 30 countries."}]
    jsonl.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pairs = load_pairs([faq_csv, jsonl])
    assert len(pairs) == 5
    assert pairs[0] == QAPair(
        "How long does a refund take?",
        "Refunds reach your card within 5 business days.",
        group="rf-1",
    )
    assert pairs[-1].answer == "Yes, to 30 countries."


def test_documents_only_is_a_clear_error_for_pairs(tmp_path: Path) -> None:
    doc = tmp_path / "policy.md"
    doc.write_text("# Returns\n\nItems can be returned within 30 days.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="question/answer pairs"):
        load_pairs([doc])
    texts = load_texts([doc])
    assert len(texts) == 1 and "returned within 30 days" in texts[0]


def test_split_is_stable_grouped_and_roughly_the_asked_size() -> None:
    pairs = [QAPair(f"q{i}", f"a{i}", group=f"g{i // 3}") for i in range(600)]
    train, val = split_pairs(pairs, val_fraction=0.2, seed=1)
    assert len(train) + len(val) == 600
    assert 0.12 < len(val) / 600 < 0.28
    # No group on both sides: related questions cannot leak into validation.
    assert not {p.group for p in train} & {p.group for p in val}
    # Adding pairs later keeps every old pair on its side.
    more = [*pairs, *(QAPair(f"n{i}", "b", group=f"new{i}") for i in range(50))]
    train2, val2 = split_pairs(more, val_fraction=0.2, seed=1)
    assert set(val) <= set(val2) and set(train) <= set(train2)
    # Another seed, another split.
    assert split_pairs(pairs, val_fraction=0.2, seed=2)[1] != val


def test_tiny_files_still_get_both_sides() -> None:
    pairs = [QAPair(f"q{i}", f"a{i}", group=f"g{i}") for i in range(3)]
    train, val = split_pairs(pairs, val_fraction=0.1)
    assert len(val) == 1 and len(train) == 2
    assert split_pairs(pairs[:1], val_fraction=0.1) == (pairs[:1], [])
    assert split_pairs(pairs, val_fraction=0.0) == (pairs, [])
    with pytest.raises(ConfigError):
        split_pairs(pairs, val_fraction=1.0)


def test_split_texts_keeps_everything_once() -> None:
    texts = [f"document number {i}" for i in range(40)]
    train, val = split_texts(texts, val_fraction=0.25)
    assert sorted(train + val) == sorted(texts)
    assert val and train


def test_pairs_from_the_knowledge_base_and_from_a_pack(
    train_env: Path, faq_csv: Path, tmp_path: Path
) -> None:
    from kefu.config import load_settings
    from kefu.knowledge.base import KnowledgeBase
    from kefu.training.data import pairs_from_entries
    from kefu.training.pipeline import RunOptions, _entries

    settings = load_settings()
    assert KnowledgeBase(settings).add([faq_csv]).ok
    pairs = pairs_from_entries(_entries(RunOptions(out=tmp_path, from_kb=True), settings))
    assert sorted(p.group for p in pairs) == ["pw-1", "rf-1", "sh-1", "tr-1"]
    pack = pairs_from_entries(
        _entries(RunOptions(out=tmp_path, from_kb=True, pack="healthcare"), settings)
    )
    assert len(pack) > 90 and any("CareWell" in p.answer for p in pack)
    with pytest.raises(ConfigError, match="--data FILE or --from-kb"):
        _entries(RunOptions(out=tmp_path), settings)
