"""MixedTokenizer on real Chinese, English and mixed support sentences; WhitespaceTokenizer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kefu.errors import ConfigError
from kefu.text import (
    MixedTokenizer,
    Tokenizer,
    WhitespaceTokenizer,
    chinese_stopwords,
    english_stopwords,
)

SENTENCES = [
    "我想申请退货，运费谁出？",
    "ＡＰＰ里怎么修改收货地址",
    "Where is my refund? I returned the shoes last week.",
    "我的iPhone15订单 not arrived yet 怎么办",
    "银行卡退款多久到账？",
    "order-123 hasn't shipped, it's been 3 days!!!",
    "请问可以开发票吗？谢谢！",
    "How do I change my delivery address?",
    "快递一直显示“运输中”，已经五天了……",
]


@pytest.fixture(scope="module")
def tok() -> MixedTokenizer:
    t = MixedTokenizer()
    t.warm_up()
    return t


def test_chinese_return_question(tok: MixedTokenizer) -> None:
    tokens = tok.tokenize("我想申请退货，运费谁出？")
    assert "退货" in tokens
    assert "运费" in tokens
    assert "我" not in tokens
    assert not {"，", ",", "？", "?"} & set(tokens)


def test_full_width_app_question(tok: MixedTokenizer) -> None:
    tokens = tok.tokenize("ＡＰＰ里怎么修改收货地址")
    assert "app" in tokens
    assert "修改" in tokens
    assert ("收货" in tokens and "地址" in tokens) or "收货地址" in tokens
    assert "怎么" not in tokens


def test_english_refund_question(tok: MixedTokenizer) -> None:
    tokens = tok.tokenize("Where is my refund? I returned the shoes last week.")
    assert {"refund", "return", "shoe"} <= set(tokens)
    assert not {"is", "my", "?", "the", "i", "where"} & set(tokens)


def test_mixed_sentence(tok: MixedTokenizer) -> None:
    tokens = tok.tokenize("我的iPhone15订单 not arrived yet 怎么办")
    assert "iphone15" in tokens
    assert "15" in tokens  # so that "iPhone 15" in a query meets "iPhone15" in a document
    assert "订单" in tokens
    assert not {"我", "的", "not", "怎么办", "怎么"} & set(tokens)


def test_latin_splits_on_punctuation_and_keeps_digits(tok: MixedTokenizer) -> None:
    tokens = tok.tokenize("order-123 hasn't shipped, it's been 3 days!!!")
    assert "order" in tokens
    assert "123" in tokens
    assert "ship" in tokens
    assert "3" in tokens
    assert not {"hasn", "t", "s", "it", "been", "-", "!"} & set(tokens)


def test_compound_and_parts_meet(tok: MixedTokenizer) -> None:
    # Search-mode segmentation: a query with the parts matches a document with the compound.
    doc = set(tok.tokenize("如何修改收货地址"))
    query = set(tok.tokenize("改一下地址"))
    assert "地址" in doc & query


def test_no_punctuation_whitespace_or_stopword_tokens(tok: MixedTokenizer) -> None:
    stop = english_stopwords() | chinese_stopwords()
    for sentence in SENTENCES:
        tokens = tok.tokenize(sentence)
        assert tokens, sentence
        for t in tokens:
            assert re.fullmatch(r"[^\W_]+", t), (sentence, t)
            assert t not in stop, (sentence, t)


def test_switches_off_stopwords_and_stemming() -> None:
    plain = MixedTokenizer(remove_stopwords=False, stem=False)
    tokens = plain.tokenize("我想申请退货 where is my refunds")
    assert {"我", "is", "my", "refunds", "退货"} <= set(tokens)
    assert "refund" not in tokens


@pytest.mark.parametrize("text", ["", " ", "\u3000\n\t", "，。？！", "...", "😀🎉"])
def test_blank_or_symbol_text_gives_no_tokens(tok: MixedTokenizer, text: str) -> None:
    assert tok.tokenize(text) == []


def test_binary_junk_does_not_crash(tok: MixedTokenizer) -> None:
    assert tok.tokenize("\x00\x01\ufffd") == []
    assert tok.tokenize("abc\x00def") == ["abc", "def"]
    junk = bytes(range(256)).decode("latin-1") + b"\xff\xfe".decode("utf-8", "surrogateescape")
    assert isinstance(tok.tokenize(junk), list)


def test_rejects_bytes(tok: MixedTokenizer) -> None:
    with pytest.raises(TypeError, match="str"):
        tok.tokenize(b"refund")  # type: ignore[arg-type]


def test_one_megabyte_string(tok: MixedTokenizer) -> None:
    unit = "我想申请退货，运费谁出？Where is my refund? I returned the shoes last week. "
    big = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    start = time.perf_counter()
    tokens = tok.tokenize(big)
    elapsed = time.perf_counter() - start
    assert elapsed < 60
    assert tokens.count("退货") >= 1_000_000 // len(unit)
    assert tokens.count("refund") >= 1_000_000 // len(unit)


def test_long_han_run_without_punctuation(tok: MixedTokenizer) -> None:
    tokens = tok.tokenize("申请退货快递运费" * 5000)
    assert tokens.count("退货") >= 4900
    assert tokens.count("运费") >= 4900


def test_user_dict_keeps_product_name_whole(tmp_path: Path) -> None:
    text = "我的小米手环坏了"
    assert "小米手环" not in MixedTokenizer().tokenize(text)
    user_dict = tmp_path / "products.txt"
    user_dict.write_text("小米手环 10 n\n", encoding="utf-8")
    assert "小米手环" in MixedTokenizer(user_dict=user_dict).tokenize(text)


def test_add_words_before_and_after_warm_up() -> None:
    text = "为什么我的花呗不能用了"
    base = MixedTokenizer()
    assert "花呗" not in base.tokenize(text)
    base.add_words(["花呗"])  # after warm-up
    assert "花呗" in base.tokenize(text)
    early = MixedTokenizer(extra_words=["小米手环"])  # before warm-up
    early.add_words(["花呗"])
    assert "花呗" in early.tokenize(text)
    assert "小米手环" in early.tokenize("小米手环怎么充电")
    # Each instance has its own dictionary: the words above did not leak into a new one.
    assert "花呗" not in MixedTokenizer().tokenize(text)


def test_added_words_are_normalised() -> None:
    t = MixedTokenizer(extra_words=["  花呗\u3000"])
    assert "花呗" in t.tokenize("花呗还款")


def test_missing_user_dict_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        MixedTokenizer(user_dict=tmp_path / "nope.txt")


def test_non_utf8_user_dict_is_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("小米手环 10 n\n".encode("gbk"))
    t = MixedTokenizer(user_dict=bad)
    with pytest.raises(ConfigError, match=r"gbk\.txt"):
        t.warm_up()


def test_tokenize_many_matches_tokenize(tok: MixedTokenizer) -> None:
    assert tok.tokenize_many(SENTENCES) == [tok.tokenize(s) for s in SENTENCES]
    assert tok.tokenize_many([]) == []


def test_concurrent_tokenising_is_consistent() -> None:
    t = MixedTokenizer()  # not warmed: threads race into warm_up
    reference = MixedTokenizer()
    expected = [reference.tokenize(s) for s in SENTENCES]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: t.tokenize_many(SENTENCES), range(8)))
    assert all(r == expected for r in results)


def test_protocol_conformance() -> None:
    assert isinstance(MixedTokenizer(), Tokenizer)
    assert isinstance(WhitespaceTokenizer(), Tokenizer)


def test_whitespace_tokenizer() -> None:
    w = WhitespaceTokenizer()
    assert w.tokenize("  Where IS\tmy  Refund ") == ["where", "is", "my", "refund"]
    assert w.tokenize("") == []


def test_import_does_not_load_jieba_and_warm_up_is_quiet() -> None:
    script = (
        "import json, sys\n"
        "import kefu.text, kefu.text.tokenize\n"
        "before = 'jieba' in sys.modules\n"
        "t = kefu.text.MixedTokenizer(extra_words=['花呗'])\n"
        "t.add_words(['小米手环'])\n"
        "lazy = 'jieba' in sys.modules\n"
        "tokens = t.tokenize('花呗还款')\n"
        "print(json.dumps([before, lazy, 'jieba' in sys.modules, tokens]))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    before, lazy, after, tokens = json.loads(proc.stdout)
    assert before is False
    assert lazy is False  # constructing and add_words stay cheap
    assert after is True  # the check above would notice jieba if it were imported
    assert "花呗" in tokens
    assert "Building prefix dict" not in proc.stderr
    assert "Loading model" not in proc.stderr


def test_chinese_characters_are_terms_beside_the_words() -> None:
    tk = MixedTokenizer()
    terms = tk.tokenize("可以开票吗")
    # "开票" and "开发票" share no word, but share "开" and "票"
    assert {"开票", "开", "票"} <= set(terms)
    assert "吗" not in terms  # a stop word is not a term, as a word or as a character
    assert {"开", "票"} <= set(tk.tokenize("可以开发票吗"))
    assert "开票" in tk.words.tokenize("可以开票吗")
    assert not {"开", "票"} & set(tk.words.tokenize("可以开票吗"))
    assert tk.tokenize("Refund policy") == tk.words.tokenize("Refund policy")


def test_the_version_names_the_options() -> None:
    assert MixedTokenizer().version != MixedTokenizer(han_chars=False).version
    assert MixedTokenizer().version == MixedTokenizer().version
