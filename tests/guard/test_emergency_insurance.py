"""An emergency beside an insurance question is still an emergency; water damage with no one in
danger is not (an insurer's tester, Evergreen Insurance, 2026-11-30)."""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pytest

from kefu.guard.emergency_context import water_damage_only
from kefu.guard.emergency_head import EmergencyHead, flags_message
from kefu.guard.safety import assess


@pytest.mark.parametrize(
    "text",
    [
        "There's a fire in my flat right now, does home insurance cover it?",
        "there's a fire in my building right now, am I covered?",
        "a fire broke out in the kitchen, does insurance pay?",
        "My flat is on fire",
        "我家现在着火了，家居保险赔不赔？",
        "my husband is having a heart attack right now, does insurance cover the ambulance?",
        # water reaching the electrics, someone trapped: dangers to life
        "water is coming near the fuse box and there are sparks",
        "水漫进电箱了",
        "配电箱进水了怎么办",
        "someone is trapped in flood water",
    ],
)
def test_an_emergency_with_a_cover_question_is_an_emergency(text: str) -> None:
    assert assess(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "does home insurance cover fire?",
        "if there's a fire, am I covered?",
        "fire damage claim process",
        "我家去年着火了，还能赔吗",
        "there was a fire in my flat last year, can I still claim?",
        "the price is fire right now",
        "pipe burst in my kitchen, flat is flooding, what do I do",
        "水管爆了，家里进水了，怎么办",
    ],
)
def test_cover_questions_and_water_damage_are_ordinary(text: str) -> None:
    assert assess(text) is None


def test_the_learned_head_never_flags_water_damage_alone() -> None:
    # a head that flags everything: only the veto can keep a message off
    head = EmergencyHead(embedder="x", weights=(0.0,), bias=100.0, thresholds={"en": 0.0})
    vector = np.ones(1)  # a zero vector reads as "nothing embedded"
    embedder = cast(Any, None)  # not read: nothing is taken out of these messages
    text = "pipe burst in my kitchen, flat is flooding, what do I do"
    assert water_damage_only(text)
    assert not flags_message(head, text, vector, "en", embedder)
    danger = "the flood water is rising fast and we are stuck on the roof"
    assert not water_damage_only(danger)
    assert flags_message(head, danger, vector, "en", embedder)
    assert not water_damage_only("my toddler fell into the flooded basement")
