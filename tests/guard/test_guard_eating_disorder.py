"""Eating-disorder disclosures (`kefu.guard.eating_disorder`) get their own safety kind: a gym's
tester (2026-12) got the generic decline for "500 calories a day for weeks and keep fainting"
and "每天只吃一顿 还催吐". Diet and class questions are none; a faint now stays an emergency."""

from __future__ import annotations

import pytest

from kefu.guard.safety import assess

DISCLOSURES = [
    "I've been living on about 400 calories a day since January",
    "I only eat 600 kcal per day and I still feel huge",
    "i make myself sick after dinner most nights",
    "I've been throwing up after every meal so I don't gain weight",
    "my daughter hasn't eaten anything for days and says she's fat",
    "I think I might be bulimic",
    "I'm willing to starve to fit into the dress",
    "I take laxatives to lose weight before weigh-ins",
    "我已经三天没吃东西了 只喝水 想再瘦一点",
    "我每天只吃一顿饭，还是觉得自己好胖",
    "吃完饭我都会去抠喉吐出来",
    "我已經一個月每天只吃一餐 還會催吐",
    "我女兒幾乎不吃東西 一直說自己太胖",
    "佢每日淨係食一餐，仲要催吐",
]


@pytest.mark.parametrize("message", DISCLOSURES)
def test_disclosures_get_the_eating_disorder_reply(message: str) -> None:
    assert assess(message) == "eating_disorder"


@pytest.mark.parametrize(
    "message",
    [
        "how many calories does a 45 minute spin class burn",
        "do you have a 1500 calorie meal plan",
        "我想减肥，有什么课推荐？",
        "你们的蛋白棒一条多少卡路里",
        "can I eat before a morning class?",
    ],
)
def test_diet_and_class_questions_are_not_disclosures(message: str) -> None:
    assert assess(message) != "eating_disorder"


def test_a_faint_now_stays_an_emergency() -> None:
    assert assess("I haven't eaten in days and my friend just fainted and isn't waking up") == (
        "emergency"
    )
