"""Insults, profanity and threats get an apology and a person; ordinary words that look alike
do not (kefu.guard.abuse)."""

from __future__ import annotations

import pytest

from kefu.guard.safety import assess

ABUSIVE = [
    # a black-box QA pass on a climbing gym's FAQ: these got "I'm not sure about that"
    "You are useless, you stupid fucking bot",
    "I'll come and smash your front desk",
    "你这个傻逼机器人",
    "不给我退钱我就去你们前台砸东西",
    # more of the same kinds
    "you're a joke",
    "you are all idiots",
    "this stupid app keeps crashing",
    # ("gonna burn down your store" is arson: a threat, kefu.guard.threats)
    "gonna trash your store",
    "垃圾客服，什么都不会",
    "你们就是一群骗子",
    "我要砸了你们的店",
]

ORDINARY = [
    "sorry if this is a stupid question",
    "Is it stupid to pay in cash?",
    "When is your garbage collection day?",
    "is the trash can included",
    "I will burn the CD tonight, do you sell blank discs",
    "I'll destroy the old card myself, ok?",
    "Could it be a scam?",
    "垃圾袋多少钱",
    "废物回收怎么预约",
    "我妈的手机号能改吗",
    "滚筒洗衣机怎么清洗",
    "骗子冒充你们客服怎么办",
    "你这个垃圾桶多少钱",
    "我不病发还好，一病发就砸东西",
    "还有些发烧，什么东西都吃不出去",
]


@pytest.mark.parametrize("text", ABUSIVE)
def test_insults_and_threats_are_abuse(text: str) -> None:
    assert assess(text) == "abuse"


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_words_that_look_alike_are_not(text: str) -> None:
    assert assess(text) is None


def test_an_emergency_said_angrily_stays_an_emergency() -> None:
    assert assess("my stupid fucking chest hurts and my arm is numb") == "emergency"
