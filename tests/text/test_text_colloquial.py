"""Colloquial Mandarin question words meet the standard words FAQs are written in."""

from __future__ import annotations

import pytest

from kefu.text.colloquial import to_standard
from kefu.text.tokenize import MixedTokenizer
from kefu.text.variants import to_mandarin


@pytest.mark.parametrize(
    ("colloquial", "standard"),
    [
        ("开户咋弄啊", "开户怎么弄啊"),
        ("密码忘了咋办", "密码忘了怎么办"),
        ("卡丢了咋整", "卡丢了怎么办"),
        ("要准备啥材料", "要准备什么材料"),
        ("啥时候到账", "什么时候到账"),
        ("多会儿能到", "什么时候能到"),
        ("俺们木有收到", "我们没有收到"),
        ("为啥扣我钱", "为什么扣我钱"),
    ],
)
def test_colloquial_words_fold_to_standard(colloquial: str, standard: str) -> None:
    assert to_standard(colloquial) == standard
    assert to_standard(standard) == standard  # idempotent


@pytest.mark.parametrize(
    "text", ["听完咋舌", "积木有几块", "我没得到验证码", "一整天", "多会说几句"]
)
def test_words_that_only_contain_a_form_are_kept(text: str) -> None:
    assert to_standard(text) == text


def test_query_terms_meet_the_faqs_words() -> None:
    # The fold runs wherever to_mandarin does: BM25 terms of queries and entries, and the query
    # before it is embedded.
    tok = MixedTokenizer()
    assert to_mandarin("開戶要準備啥") == "开户要准备什么"
    colloquial = tok.tokenize("开户要准备啥材料")
    assert set(tok.tokenize("需要准备什么材料")) - {"需"} <= set(colloquial)
    assert "啥" not in colloquial
