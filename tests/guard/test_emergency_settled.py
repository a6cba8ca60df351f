"""A death already happened told as grief or admin, a past mishap said to be over, and gym or
dating slang are not emergencies now; the danger said beside them still is (a home-care, a gym
chain's and a dating app's testers, 2026-12; `kefu.guard.emergency_settled`,
`kefu.guard.emergency_figurative`)."""

from __future__ import annotations

import numpy as np
import pytest

from kefu.dialogue.intents import triage
from kefu.guard.emergency_head import EmergencyHead, flags_message
from kefu.guard.emergency_settled import settled
from kefu.guard.safety import assess
from kefu.retrieval.embedders import HashingEmbedder

BEREAVEMENT_AND_PAST = [
    # the testers' messages
    "my dad passed away on sunday, what do we need to do about his care package and the last "
    "invoice",
    "mum died last night. the carers were so kind to her. I don't know what to do with myself",
    "媽媽走了以後我每天都睡不著 你們有悲傷輔導嗎",
    "my mum fell over last Tuesday, she's ok, bruised knee, do we need to tell you?",
    "we had a scare last month when dad choked on a biscuit, he's fine now",
    "我媽上個月跌倒骨折 現在出院了 需要人來家裡幫忙",
    # our own phrasings
    "my grandad passed away on friday, how do we cancel the remaining visits?",
    "the funeral is on thursday, can the carer who looked after nan come?",
    "爸爸上週過世了 請問最後一期帳單怎麼結",
    "外婆去世了，剩下的服务费可以退吗",
    "阿公往生了 告別式那天居服員可以請假嗎",
    "grandma choked on a sweet last month, she's fine, but can carers cut her food up smaller",
    "we had a scare in june when mum fainted, she's recovered, can you add an evening visit",
    "爺爺兩個月前中風，已經出院了，想申請居家復健",
]

STILL_IN_DANGER = [
    "she died last week and now dad says he wants to join her",
    "mum passed away a month ago and dad wants to be with her now, he has all her pills out",
    "dad fell last week and he was fine but now he can't move his left side",
    "my mum just fell and she's not ok, she can't get up",
    "爸爸上個月中風出院了 但今天又說不出話 嘴巴歪了",
    "媽媽走了以後 爸爸說他不想活了",
    "mum had a fall last month, she was fine, but she's bleeding from her head again",
]


@pytest.mark.parametrize("text", BEREAVEMENT_AND_PAST)
def test_a_death_or_a_mishap_that_is_over_is_settled(text: str) -> None:
    assert settled(text)
    assert triage(text) != "emergency"


@pytest.mark.parametrize("text", STILL_IN_DANGER)
def test_a_danger_now_beside_it_is_not_settled(text: str) -> None:
    assert not settled(text)


@pytest.mark.parametrize(
    "text",
    [
        "dad fell last week and he was fine but now he can't move his left side",
        "my mum just fell and she's not ok, she can't get up",
        "爸爸上個月中風出院了 但今天又說不出話 嘴巴歪了",
        "媽媽走了以後 爸爸說他不想活了",
        "he passed out in the sauna and he's not waking up",
        "my husband passed out in the sauna, what do I do",
        "grandma is choking on a grape and can't breathe",
        "热到中暑了 现在头晕想吐 站不起来",
        "I took all my sleeping pills after she dumped me",
    ],
)
def test_the_rules_still_catch_the_emergency_beside_it(text: str) -> None:
    assert assess(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # the testers' messages
        "my arms are on fire after body pump, do you sell protein shakes?",
        "my glutes are on fire lol, is the sauna open now?",
        "I nearly choked on my water laughing in yoga. Do you have towels?",
        "I almost passed out from boredom on the treadmill, do you have TVs?",
        "外面热到中暑咯，gym 有冷气吗",
        "he ghosted me, I want to die of embarrassment lol",
        "overdosed on swiping today haha",
        "can't breathe through my nose when I run, blocked sinuses haha",
        # our own phrasings
        "my quads are absolutely on fire after the hiit class haha",
        "passed out from boredom in the induction, is there a shorter one?",
        "mum's been a bit choked up since the funeral, the carers have been lovely",
        "今天热到快中暑了，游泳池开到几点",
    ],
)
def test_gym_and_dating_slang_is_not_an_emergency(text: str) -> None:
    assert assess(text) != "emergency"
    assert triage(text) != "emergency"


def _head_for(text: str) -> EmergencyHead:
    direction = HashingEmbedder().embed_queries([text])[0].astype(np.float64)
    return EmergencyHead("hashing", tuple(direction.tolist()), 0.0, {"en": 0.8, "zh": 0.8})


@pytest.mark.parametrize("text", BEREAVEMENT_AND_PAST[:6])
def test_the_head_is_not_read_over_a_settled_message(text: str) -> None:
    embedder = HashingEmbedder()
    vector = embedder.embed_queries([text])[0]
    assert not flags_message(_head_for(text), text, vector, "en", embedder)


@pytest.mark.parametrize("text", STILL_IN_DANGER[:2])
def test_the_head_still_reads_a_wish_to_follow_the_dead(text: str) -> None:
    embedder = HashingEmbedder()
    vector = embedder.embed_queries([text])[0]
    assert flags_message(_head_for(text), text, vector, "en", embedder)


@pytest.mark.parametrize(
    "text",
    [
        "he's dead to me now. how do I unmatch",
        "I'm so dead, I accidentally super liked my boss",
        "我阿嬤笑到差點噎到 哈哈",
        "literally dying of embarrassment, can I delete that message?",
        "leg day killed me, what time does the physio open",
    ],
)
def test_the_head_does_not_read_the_slang(text: str) -> None:
    """No rule names these; the head reads the message without the slang."""
    embedder = HashingEmbedder()
    vector = embedder.embed_queries([text])[0]
    assert not flags_message(_head_for(text), text, vector, "en", embedder)
