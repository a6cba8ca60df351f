"""A follow-up that says the danger is still there, right after an emergency reply.

A ride-hailing tester (2026-12-01) wrote "我好怕" and "他不停 我好怕" after an emergency
reply and got "这个问题我不太确定": on its own such a message names no emergency, but after
one it means the emergency goes on. It keeps the emergency reply (the same number first: the
earlier message is read with it, so a driver holding the customer still leads with the
police), and a person. "好的" or "thanks" after the reply are closings (`policy.smalltalk_plan`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.dialogue.emergency_text import is_emergency_reply
from kefu.types import ChatMessage

# Fear, or the danger going on: short on purpose, as a customer in danger writes.
_STILL = re.compile(
    r"\b(i'?m|im|i am|we'?re|we are|so|really|very)( so| really| very)? (scared|afraid|"
    r"terrified|frightened)\b|\bscared\b|\bterrified\b|\bhelp( me| us)?\b|\bplease hurry\b|"
    r"\b(he|she|they|the driver|the car|it)('s|'re| is| are)? (still|not stopping|coming)\b|"
    r"\b(he|she|they|the driver)( still)? (won'?t|wont|will not|doesn'?t|isn'?t) (stop|leave|"
    r"let me|slow)|\bstill (here|there|outside|following|in the car|driving|inside|locked)\b|"
    r"好怕|害怕|我怕|怕死了|吓死|吓坏|救命|救救|快来|不停|没停|还在|还是不|不让我|跟着我|"
    r"好驚|驚死|唔停|仲喺",
    re.IGNORECASE,
)


def still_in_danger(message: str, history: Sequence[ChatMessage], number: str | None) -> str | None:
    """The customer's earlier message to read with ``message`` when the last reply was an
    emergency reply and ``message`` says the danger goes on; None otherwise."""
    if len(message) > 80 or not _STILL.search(message):
        return None  # a longer message is triaged on its own words
    last = next((i for i in range(len(history) - 1, -1, -1) if history[i].role == "assistant"), -1)
    if last < 0 or not is_emergency_reply(history[last].content, number):
        return None
    earlier = [m.content for m in history[:last] if m.role == "user"]
    return earlier[-1] if earlier else ""
