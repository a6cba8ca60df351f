"""The turns that follow an emergency reply: waiting is not an option, and the number stays.

A red-team tester of the demo packs (2026-12-01) sent, after a 911 reply about a swallowed
button battery, "so can he just wait for the appointment next week?", and got the curated
"Yes, we hold same-day slots…" with no handoff; "明天再去你们门诊可以吗？", "不用去医院了吧？" and
"是不是等他拉出来就行？" got the ordinary decline, and "anyway what time do you open friday",
after an overdose, got branch hours and nothing else. So, for a few turns after a reply that
led with an emergency number (`had_emergency`):

- a message about waiting, going later, not going or going somewhere else instead
  (`asks_to_wait`) gets the instruction again, with a person (`waiting_plan`);
- word that it is over ("found him! he was at the neighbours", "she's breathing normally now",
  "找到了 在邻居家") gets relief, the number again in case it changes, and the person already
  coming, and word that help was called gets the after-emergency line (`news_plan`), not
  "I'm not sure about that" or the whole emergency entry again (testers, 2026-12);
- any other answer gets a one-line reminder before it (`reminder`), except the replies that
  already say it (an emergency, or the after-emergency line for "ok").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.dialogue import messages
from kefu.dialogue.abroad import need, where_customer_is
from kefu.dialogue.emergency_text import is_emergency_reply
from kefu.dialogue.policy import Plan
from kefu.types import ChatMessage

# How many of the assistant's latest replies are looked at: an emergency two questions back is
# still this conversation's, one from an hour of ordinary questions ago is not.
RECENT_REPLIES = 3

_WAIT = re.compile(
    # English: waiting, later, a booked visit instead, not going, watching at home
    r"\b(wait|waiting|hold off|tomorrow|tmrw|tmr|next (week|day|month)|in the morning|"
    r"(later|tonight|this evening|after work)\b(?! than)|appointment|"
    r"walk-?in|instead|skip|rather not|not go|don'?t go|without going|no need|not necessary|"
    r"unnecessary|overkill|overreact\w*|"
    r"(do|does|did) (we|i|he|she|they) (really |actually )?(have|need|got) to|"
    r"(have|need|got) to (go|call|take)|(is|it'?s|is it) (really |actually )?(necessary|needed|"
    r"that serious|an emergency)|really (that )?serious|sleep (it|this) off|ride it out|"
    r"(watch|monitor|keep an eye on) (him|her|them|it|me)|see (how|if) (it|he|she|they|i)|"
    r"at home|home remed\w*|pass (it|naturally|on (its|his|her) own)|come out|poop|"
    r"(drive|take) (him|her|them|me|myself) (in )?(ourselves|myself|ourself)|uber|taxi|"
    r"can'?t afford|too expensive|gp|family doctor|pharmacy|urgent care)\b|"
    # Chinese: 等, later days, the clinic instead, not going, watching, waiting for it to pass
    r"等|明天|后天|下周|下个?星期|改天|晚点|晚些|过两天|过几天|预约|门诊|挂号|不用去|不去|可以不|"
    r"没必要|有必要|非得|必须(要)?去|一定要(去|打)|先观察|观察|看看再说|再看看|拉出来|排出来|在家|"
    r"自己好|扛|挺过去|睡一觉|不用打|不打|太贵|算了",
    re.IGNORECASE,
)


# Word that the danger is over: the person found, awake, breathing, safe, or a false alarm.
# Bounded and without negation ("still not breathing", "not ok", "没找到") or a new worry.
_RESOLVED = re.compile(
    r"\b(found (him|her|them|my \w+|the \w+)|(he|she|they|it|mum|mom|dad|the baby)('s| is| are|"
    r"'re| was| were) (ok|okay|fine|safe|alright|all right|back|home|awake|conscious|breathing "
    r"(normally|again|fine))( now| again)?|(he|she|they) (came|woke|turned) (back|up|home)|"
    r"false alarm|panic over|all (good|fine|ok|okay) now|turned up)\b|"
    r"找到了|找到(他|她|人)了|没事了|沒事了|回来了|回來了|醒了|醒过来|醒過來|平安|虚惊一场|虛驚一場|"
    r"恢复呼吸|恢復呼吸",
    re.IGNORECASE,
)
_STILL_WRONG = re.compile(
    r"\b(not|isn'?t|wasn'?t|aren'?t|can'?t|cannot|won'?t|still|again\?|but|worse|hurt|"
    r"bleeding|pain|dizzy|confused|vomit\w*)\b|没|沒|不|还是|還是|但|可是|又|更|痛|疼|血|吐|晕|暈|[?？]",
    re.IGNORECASE,
)


def local_number(
    message: str, history: Sequence[ChatMessage], language: str, configured: str | None
) -> str | None:
    """The number to name after an emergency: the place's the customer says they are in, in
    ``message`` or their recent messages ("是在新加坡" after "my date won't let me leave" got
    the business's 120 for Chinese, a dating-app tester found), with the police's beside it
    where they differ and the emergency was a person's; else the ``configured`` one."""
    recent = [m.content for m in history if m.role == "user"][-RECENT_REPLIES:]
    said = (message, *reversed(recent))
    place = next((p for p in map(where_customer_is, said) if p is not None), None)
    if place is None:
        return configured
    roles = place.by_role()
    if roles["police"] == roles["ambulance"] or not any(need(t) == "police" for t in said):
        return roles["ambulance"]
    if language == "zh":
        return f"{roles['ambulance']}（报警请拨{roles['police']}）"
    return f"{roles['ambulance']} (police: {roles['police']})"


# Word that help was called or is coming ("ok called them, thanks", "ambulance is on its way",
# "已经打了120"): re-sending the whole emergency entry (a gym's tester) helps nobody.
_CALLED = re.compile(
    r"\b((i|we|i'?ve|we'?ve|just|already|ok|okay) (have )?(called|rang|phoned|dialled|dialed|"
    r"rung)|(called|rang|phoned|dialled|dialed) (them|it|999|911|000|112|995|119|120|110|an? "
    r"ambulance|the (ambulance|police|paramedics|emergency number))|(ambulance|paramedics|"
    r"police|help|fire (brigade|service|engine)s?)('s| is| are)? (on (its|their|the) way|coming|"
    r"here|arrived|en route))\b|"
    r"(已经|已經|刚|剛|刚刚|剛剛)(打了|打过|打過|叫了|报了|報了|拨了|撥了)|"
    r"(救护车|救護車|警察|消防)(已经|已經)?(来了|來了|到了|在路上|快到了)",
    re.IGNORECASE,
)


def news_plan(
    message: str,
    language: str,
    history: Sequence[ChatMessage],
    emergency_number: str | None,
) -> Plan | None:
    """News soon after an emergency reply: help was called or is coming (the after-emergency
    line: a person is coming, the numbers stay), or the danger is over (relief and the number
    again); None otherwise, and when it asks or says anything is still wrong ("called 999 but
    she stopped breathing", "found him but he's bleeding")."""
    if _STILL_WRONG.search(message):
        return None
    kind = "after_emergency" if _CALLED.search(message) else None
    kind = kind or ("emergency_resolved" if _RESOLVED.search(message) else None)
    if kind is None or not had_emergency(history, emergency_number):
        return None
    number = local_number(message, history, language, emergency_number)
    text = messages.reply(kind, language, emergency_number=number)
    return Plan("smalltalk", language, handoff=True, text=text, confidence=1.0,
                reason="after emergency")  # fmt: skip


def had_emergency(history: Sequence[ChatMessage], emergency_number: str | None) -> bool:
    """Did one of the assistant's recent replies lead with an emergency number? A reminder
    (`reminder`) does not count, or one emergency would be reminded of for ever."""
    replies = [m.content for m in history if m.role == "assistant"][-RECENT_REPLIES:]
    # Told by its opening words, whatever number it named (the place's, `local_number`).
    return any(
        is_emergency_reply(text, emergency_number) and not text.startswith(_REMINDER_OPENINGS)
        for text in replies
    )


# "Reminder:" and "提醒：", the same in both Chinese scripts.
_REMINDER_OPENINGS = tuple(
    re.split("(?<=[:：])", messages.reply("emergency_reminder", lang))[0] for lang in ("en", "zh")
)


def asks_to_wait(message: str) -> bool:
    """Does ``message`` ask about waiting, going later, not going, or another way instead?"""
    return bool(_WAIT.search(message))


def waiting_plan(
    message: str,
    language: str,
    history: Sequence[ChatMessage],
    emergency_number: str | None,
) -> Plan | None:
    """The emergency instruction again, with a person, when ``message`` asks to wait soon after
    an emergency reply; news that help was called or the danger is over (`news_plan`); else
    None."""
    # Not "don't wait" to "called 999, they said wait for the ambulance"; but "she's fine now,
    # we'll see the GP tomorrow" (a stroke's signs can pass) is waiting, not news that it is over.
    if not asks_to_wait(message) or _CALLED.search(message):
        return news_plan(message, language, history, emergency_number)
    if not had_emergency(history, emergency_number):
        return None
    number = local_number(message, history, language, emergency_number)
    text = messages.reply("emergency_wait", language, emergency_number=number)
    return Plan("declined", language, handoff=True, text=text, confidence=1.0,
                reason="waiting after emergency")  # fmt: skip


def reminder(
    plan: Plan, history: Sequence[ChatMessage], emergency_number: str | None, message: str = ""
) -> str:
    """The reminder line (with its paragraph break) to put before ``plan``'s reply to
    ``message``, or ""."""
    if plan.reason in ("emergency", "pet emergency", "after emergency", "waiting after emergency"):
        return ""
    if plan.text and is_emergency_reply(plan.text, emergency_number):
        return ""
    if not had_emergency(history, emergency_number):
        return ""
    number = local_number(message, history, plan.language, emergency_number)
    text = messages.reply("emergency_reminder", plan.language, emergency_number=number)
    return text + "\n\n"
