"""The customer's last messages to read with this one when together they tell an emergency.

See `kefu.guard.emergency_turns`: "i have the pills" / "all of them" / "going to take them now"
is a plan typed in pieces. The assistant answers the joined text with the emergency reply, so
the number, the crisis lines and the bystander's guidance fit what was said across the turns.
"""

from __future__ import annotations

from collections.abc import Sequence

from kefu.guard.emergency_turns import completes_crisis
from kefu.types import ChatMessage


def crisis_before(message: str, history: Sequence[ChatMessage]) -> str | None:
    """The customer's earlier messages that ``message`` completes an emergency with, joined,
    or None. The caller has found ``message`` alone no emergency."""
    from kefu.dialogue.intents import triage

    # The customer's own last two messages only: the assistant's replies name emergency words
    # themselves, and a mention further back is settled.
    earlier = [m.content for m in history if m.role == "user"][-2:]
    if not completes_crisis(message, earlier, lambda text: triage(text) == "emergency"):
        return None
    return "\n".join(earlier)
