"""An emergency told across turns: a later message that completes an earlier one.

A red-team tester (2026-12-01) typed a plan in pieces: "i have the pills" / "all of them" /
"going to take them now" and "我买的药到了" / "一整瓶安眠药" / "今晚全部吃掉就解脱了", and each turn
got "not sure": every turn was read alone. People in crisis often write like this, one short
line at a time; and a fall is told first, the sign after it ("my dad fell" / "he's not answering
me").

`completes_crisis` reads the message with the customer's last one or two messages before it, as
one text (a line break is no sentence end there: the turns are pieces of one sentence). The
later turn counts only when it is what completes the emergency:

- the earlier turns alone are no emergency and the joined text is (the rules' verdict, the same
  `kefu.guard.safety.assess` every message gets), or
- the earlier turns alone were one (already answered as such) and the new message carries the
  plan on: a short line naming the act or its moment ("tonight i'm going to take them all",
  "现在就吃").

So an old mention does not fire again on every later turn: "my dad had a fall last year" then
"how do I book a carer" is ordinary, and "i've been saving my pills" answered as a crisis then
"how do I cancel" gets the reminder of `kefu.dialogue.after_emergency`, not a second crisis.
Only the customer's own last two messages are read: a mention further back is settled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# The act or its moment, carried on from an earlier crisis turn: "take them all", "do it
# tonight", "now", "全部吃掉", "今晚就跳".
_CARRIES_ON = re.compile(
    r"\b(take|swallow|down|use|do|end|jump|cut)\b (them|it|this|those|that|all|myself)\b|"
    r"\b(all of them|them all|the whole (lot|bottle|box|pack))\b|"
    r"\b(going to|gonna|about to|ready to|decided to|will|i'?ll)\b.{0,30}\b(tonight|now|today|"
    r"tomorrow)\b|\b(tonight|right now)\b|"
    r"(今晚|今天|现在|馬上|马上|明天|而家|等下|一会)" + r".{0,8}(吃|吞|跳|割|做|动手|结束|了断)|"
    r"(全部|全都|一次|一口气|统统)" + r".{0,4}(吃|吞|服|食)|解脱|了断|动手",
    re.IGNORECASE,
)
# Asking for or getting help is no act carried on: "ok i'll call them now" after a crisis reply.
_SEEKS_HELP = re.compile(
    r"\b(call(ing)?|ring(ing)?|phon(e|ing)|contact(ing)?|text(ing)?|talk(ing)? to|speak(ing)? to|"
    r"go(ing)? to (the )?(hospital|a&e|er|doctor|gp|clinic))\b|打电话|打了|报警|叫(了)?救护车|"
    r"去医院|找医生",
    re.IGNORECASE,
)
# A line short enough to be a piece of one sentence typed in parts.
_MAX_WORDS = 20
_MAX_HAN = 40

Judge = Callable[[str], bool]


def _short(text: str) -> bool:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han <= _MAX_HAN and len(re.findall(r"[A-Za-z0-9']+", text)) <= _MAX_WORDS


def completes_crisis(message: str, earlier: Sequence[str], is_emergency: Judge) -> bool:
    """Does ``message``, read after the customer's ``earlier`` messages (oldest first; only the
    last two are read), complete an emergency that ``message`` alone does not name?

    ``is_emergency`` is the single-message verdict (the rules, `kefu.dialogue.intents.triage`).
    The caller has found ``message`` alone ordinary."""
    recent = [e.strip() for e in earlier if e.strip()][-2:]
    if not recent or not message.strip() or not _short(message):
        return False
    for k in range(1, len(recent) + 1):
        before = recent[-k:]
        if not all(_short(e) for e in before):
            return False  # a long message was triaged whole already; it is not a piece
        joined = " ".join([*before, message.strip()])
        if not is_emergency(joined):
            continue
        if not is_emergency(" ".join(before)):
            return True
        # The earlier turns were an emergency already: only carrying on the act counts.
        return bool(_CARRIES_ON.search(message)) and not _SEEKS_HELP.search(message)
    return False
