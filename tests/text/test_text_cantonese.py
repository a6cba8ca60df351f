"""Written Cantonese and Hong Kong mixed code folded to Mandarin (kefu.text.cantonese)."""

from __future__ import annotations

import pytest

from kefu.text.cantonese import fold
from kefu.text.variants import to_mandarin


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("我唔見咗部電話點算", "我丢了手机怎么办"),
        ("我唔见咗部电话点算", "我丢了手机怎么办"),  # the same in simplified script
        ("手機俾人偷咗", "手机被偷了"),
        ("使唔使錢", "要不要钱"),
        ("得唔得", "可以吗"),
        ("點做", "怎么做"),
        ("點樣set eSIM", "怎么设定 eSIM"),
        ("约满之后会点", "约满之后会怎么样"),
        ("咁澳門呢？", "那澳门呢？"),
        ("唔該晒", "谢谢"),
        ("我想 upgrade 個 plan", "我想 升级 个 计划"),
        ("我想cut約要俾幾多", "我想解约要给多少"),
        ("加data幾錢", "加数据多少钱"),
        ("屋企冇signal點算", "家里没有信号怎么办"),
        ("舊機可唔可以trade in", "旧机可不可以回收"),
    ],
)
def test_cantonese_and_code_mix_fold_to_mandarin(text: str, folded: str) -> None:
    assert to_mandarin(text) == folded
    assert to_mandarin(folded) == folded  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        "点算库存",  # Mandarin: count the stock
        "手提包",
        "手提电脑",
        "下午3点pm",
        "关系",
        "How do I pay my bill? 谢谢",  # an English sentence keeps its English
        "这个App怎么设置",
    ],
)
def test_mandarin_and_english_are_left_alone(text: str) -> None:
    assert fold(text) == text
