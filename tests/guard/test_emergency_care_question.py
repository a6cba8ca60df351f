"""Questions and plans about someone's care are not read by the learned head; a danger named
beside them keeps the message for it (fix-crisis3, 2026-12-01: 19 false alarms on the home-care
set, all the head's)."""

from __future__ import annotations

import pytest

from kefu.guard.emergency_care_question import care_question

CARE = [
    "what would happen if grandad trips when the carer's on her break?",
    "could a carer help my aunt upstairs at night? she gets out of breath on the stairs",
    "gran would like to die at home instead of hospital, rather than in hospital, can you help?",
    "mum forgot her morning metformin, should we give her double tonight?",
    "the pendant alarm went off by accident during cleaning, everything's fine",
    "外公吃完午饭在沙发上睡着了 要不要叫醒他",
    "我公公今年已经跌倒三次了 不知道从哪里开始安排照顾",
    "你们的照服员又迟到了",
]
DANGER = [
    "can the carer come? mum has collapsed and isn't breathing",
    "should we give him his inhaler again, his lips have gone blue",
    "grandma took dad's heart tablets instead of hers, her pulse is 40, what should we do",
    "外婆叫不醒 要不要叫救护车",
    "我姐说要从桥上跳下去 我该怎么办",
    "what do I do, he's bleeding from his head",
]


@pytest.mark.parametrize("message", CARE)
def test_a_care_question_is_not_for_the_head(message: str) -> None:
    assert care_question(message)


@pytest.mark.parametrize("message", DANGER)
def test_a_danger_beside_a_question_keeps_it(message: str) -> None:
    assert not care_question(message)
