"""Which script a Chinese message is written in, and kefu's own texts in traditional."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kefu.text.script import customer_script, script_of, to_traditional


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("攜號轉台要幾耐？", "traditional"),
        ("携号转台要几耐", "simplified"),  # simplified Cantonese is simplified
        ("我想 upgrade 個 plan", "traditional"),
        ("唔該晒", "traditional"),  # 晒 is Cantonese, not the simplified 曬
        ("有冇 1TB plan", "traditional"),  # Cantonese characters only: Hong Kong writes 繁體
        ("去台湾漫游多少钱", "simplified"),  # 台 is both scripts' character
        ("储值卡实名登记怎么做", "simplified"),
        ("你好", None),
        ("How much is roaming?", None),
        ("👍", None),
    ],
)
def test_the_script_is_told_by_the_characters_only_one_script_uses(
    text: str, script: str | None
) -> None:
    assert script_of(text) == script


def test_a_message_without_a_script_takes_the_earlier_ones_then_the_default() -> None:
    assert customer_script("你好", ["點樣轉台？"]) == "traditional"
    assert customer_script("你好", ["点样转台？", "ok"]) == "simplified"
    assert customer_script("ok") == "simplified"
    assert customer_script("ok", default="traditional") == "traditional"
    assert customer_script("这个呢", ["點樣轉台？"]) == "simplified"  # the message itself wins


def test_to_traditional_writes_hong_kong_forms_and_leaves_english() -> None:
    assert to_traditional("这个问题我不太确定，已为您转接人工客服。") == (
        "這個問題我不太確定，已為您轉接人工客服。"
    )
    assert to_traditional("Hello") == "Hello"


def test_importing_the_module_does_not_load_opencc() -> None:
    code = "import sys, kefu.text.script; print('opencc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
