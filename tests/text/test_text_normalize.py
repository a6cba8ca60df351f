"""normalize(): width, case, whitespace and control-character folding."""

from __future__ import annotations

import pytest

from kefu.text import fold_width, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ１２３", "abc123"),
        ("ＡＰＰ里怎么修改收货地址", "app里怎么修改收货地址"),
        ("退货\u3000运费", "退货 运费"),
        ("Straße", "strasse"),
        ("HELLO World", "hello world"),
        ("  lots   of\t\tspace  ", "lots of space"),
        ("line one\nline two\r\nthree", "line one line two three"),
        ("a\x00b\x01c", "a b c"),
        ("退\u200b货", "退货"),
        ("\ufeffbom at start", "bom at start"),
        ("ｉＰｈｏｎｅ　１５", "iphone 15"),
        ("", ""),
        (" \u3000\n\t ", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_is_idempotent() -> None:
    samples = [
        "ＡＰＰ里怎么修改收货地址",
        "Where is my REFUND?",
        "Straße\u3000ＡＢＣ",
        "退\u200b货",
    ]
    for s in samples:
        once = normalize(s)
        assert normalize(once) == once


def test_normalize_drops_lone_surrogates() -> None:
    # What bytes.decode(errors="surrogateescape") leaves behind for invalid UTF-8.
    broken = b"abc\xff\xfedef".decode("utf-8", errors="surrogateescape")
    assert normalize(broken) == "abcdef"


def test_normalize_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="str"):
        normalize(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＷＩＦＩ\u3000ｐａｓｓｗｏｒｄ\u3000ｃｈａｎｇｅ", "WIFI password change"),
        ("ｉＰｈｏｎｅ１５坏了？", "iPhone15坏了？"),  # full-width punctuation stays
        ("Straße, ＡＢＣ！", "Straße, ABC！"),  # case, letters outside the block and "！" kept
        ("plain text", "plain text"),
    ],
)
def test_fold_width_changes_only_full_width_letters_digits_and_spaces(
    raw: str, expected: str
) -> None:
    assert fold_width(raw) == expected
