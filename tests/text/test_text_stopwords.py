"""The bundled stop-word lists: sizes, key members, and no support content words."""

from __future__ import annotations

from kefu.text import chinese_stopwords, english_stopwords, normalize


def test_english_list() -> None:
    words = english_stopwords()
    assert 150 <= len(words) <= 300
    assert {"the", "is", "my", "a", "of", "how", "not"} <= words
    content = {"refund", "order", "return", "shipping", "account", "password", "cancel", "card"}
    assert not content & words


def test_chinese_list() -> None:
    words = chinese_stopwords()
    assert 150 <= len(words) <= 400
    expected = {
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "我",
        "你",
        "您",
        "我们",
        "这个",
        "怎么",
        "什么",
        "如何",
        "为什么",
        "请问",
        "谢谢",
        "可以",
    }
    assert expected <= words
    content = {
        "退货",
        "运费",
        "退款",
        "快递",
        "订单",
        "银行卡",
        "地址",
        "发票",
        "密码",
        "客服",
        "账号",
        "问题",
        "收货",
    }
    assert not content & words


def test_lists_skip_comments_and_blanks() -> None:
    for words in (english_stopwords(), chinese_stopwords()):
        assert "" not in words
        assert not any(w.startswith("#") or w != w.strip() for w in words)


def test_lists_are_already_normalised() -> None:
    # Tokens are normalised before the stop-word check; an entry that normalize() changes
    # could never match.
    for words in (english_stopwords(), chinese_stopwords()):
        assert [w for w in words if normalize(w) != w] == []


def test_lists_are_cached() -> None:
    assert english_stopwords() is english_stopwords()
    assert chinese_stopwords() is chinese_stopwords()
