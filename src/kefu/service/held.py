"""The bot's part in a conversation a person holds: safety first, and the question left over.

* Every customer message is triaged, whoever holds the conversation. While a person holds it
  the bot stays silent, except for an emergency: the customer gets the bot's emergency reply
  at once (the person may be busy in another chat), and the conversation is flagged as an
  emergency for the agents (priority, reason, and an 'emergency' event on the queue channel).
  A threat to hurt someone and a report of an adult soliciting a child are flagged the same
  way, under their own reasons (`ALERTS`); the safeguarding reply (keep the evidence, the
  police) goes to the customer too, a threat's only to the person (`SILENT_ALERTS`).
* A message sent again (the same client id) gets the reply its first send got.
* When the person hands the conversation back, a customer message nobody has replied to yet
  is answered by the bot, if it can answer it without calling a person again; otherwise the
  bot says it is back and how to reach a person (docs/service.md, "Handing back").
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant, plain_text, reply_language
from kefu.errors import StorageError
from kefu.service import live, turns
from kefu.service.events import QUEUE_CHANNEL
from kefu.service.schemas import AnswerOut
from kefu.storage.conversation_repo import ConversationRecord, MessageRecord
from kefu.storage.support_repo import HANDOFF_PRIORITY
from kefu.text.script import script_of

if TYPE_CHECKING:
    from kefu.dialogue.policy import Plan
    from kefu.service.deps import ServiceState
    from kefu.types import Answer, ChatMessage

log = logging.getLogger("kefu.service")

# The plan reasons of the bot's emergency replies (kefu.dialogue.safety_plans._emergency_plan):
# the rules, the learned head or the intent router found an emergency in the message itself.
# Not "emergency entry" (a curated answer that leads with an emergency number): in a held
# conversation the bot answers no ordinary question, however it reads.
EMERGENCY_REASONS = frozenset({"emergency", "pet emergency"})
# Every plan reason that alerts the person holding the conversation, and the queue reason it
# raises (priority 3 in kefu.storage.support_repo.HANDOFF_PRIORITY, as outside a held chat:
# kefu.service.live.handoff_reason). A threat or a safeguarding report in a held chat went to
# the person as one more message, with no alert and no priority (a tester, 2027-01).
ALERTS = {
    "emergency": "emergency",
    "pet emergency": "emergency",
    "threat": "threat",
    "safeguarding": "safeguarding",
    "misconduct": "misconduct",
    "romance_scam": "romance_scam",
}
# Alerts whose reply the customer does not get: a customer threatening to hurt someone is
# already talking to a person, who decides what to say; the bot's "I've passed your message to
# our team" beside that person's own words would only speak over them.
SILENT_ALERTS = frozenset({"threat"})
# Phone numbers in a reply, for the alert ("116 123", "010-82951332", "1-800-555-0142", "120"):
# not a count of days ("5-7"), an hour ("24/7", "24小时") or an amount ("$15").
_NUMBER = re.compile(r"(?<![0-9A-Za-z$/.+-])\+?(?:\d{1,4}(?:[- ]\d{2,8})+|\d{3,})(?![0-9A-Za-z/%])")

# The bot's word after a hand-back when it cannot answer the waiting question itself (the
# page already says "You are chatting with the assistant again" on the hand-back itself).
BACK = {
    "en": "I couldn't answer your last message myself: ask me something else, or tap "
    "“Talk to a person” to reach a colleague again.",
    "zh": "您上一条消息我暂时无法回答：您可以换个问题问我，或点击“转人工”再次联系人工客服。",
}


def emergency_plan(assistant: Assistant, text: str, history: list[ChatMessage]) -> Plan | None:
    """The bot's reply to a message sent while a person holds the conversation that must alert
    that person (an emergency, a threat, a safeguarding report: `ALERTS`), or None where it
    is none of them (the bot then stays silent). ``history``: the turns before it. The whole
    triage of a bot turn runs (rules, learned head, intent router), so the reply is the one
    the bot gives in any other state. Call under the service's turn lock: it searches the
    shared index."""
    words = plain_text(text)
    try:
        plan = assistant.plan(words, history)
    except Exception:
        # The search failed (the index reloading, the database away for a moment): the rules
        # alone still decide, as an emergency must not go unanswered for a failed search.
        log.warning("triage of a message to a person failed; the rules alone decide", exc_info=True)
        from kefu.dialogue.intents import triage
        from kefu.dialogue.policy import Plan

        if triage(words) != "emergency":
            return None
        language = reply_language(text)
        number = assistant.settings.emergency_number_for(language)
        line = messages.reply("emergency", language, emergency_number=number)
        plan = Plan("declined", language, handoff=True, text=line, reason="emergency")
    if plan.reason not in ALERTS:
        return None
    if plan.lead:
        # Only the learned head read an emergency: the hedged line alerts the person holding
        # the chat; the question itself is theirs to answer, not the bot's.
        plan = replace(plan, mode="declined", passages=[], text=plan.lead, lead="", handoff=True)
    if plan.reason not in EMERGENCY_REASONS:
        # The safety replies promise no person to turn into "I've alerted the person".
        assistant.in_customer_script(plan, words, history)
        return plan
    # Also where the business's own emergency entry replaced the fixed text, which has no
    # promise of a person to turn into this word (an airline's tester, 2026-12-01).
    plan.text = messages.with_a_person(plan.text, plan.language)
    assistant.in_customer_script(plan, words, history)  # after: the added word too
    return plan


def numbers_in(text: str) -> list[str]:
    """The phone numbers a reply gives, in order, each once."""
    return list(dict.fromkeys(m.group(0) for m in _NUMBER.finditer(text)))


def flag_emergency(
    assistant: Assistant, conversation_id: str, plan: Plan
) -> tuple[MessageRecord | None, ConversationRecord]:
    """Store the reply (none for `SILENT_ALERTS`) and raise the conversation to the plan's
    alert (`ALERTS`: priority 3, the person holding it keeps it). Runs in a worker thread."""
    reason = ALERTS[plan.reason or "emergency"]
    if plan.reason in SILENT_ALERTS:
        return None, live.support(assistant).request_handoff(conversation_id, reason)
    reply = assistant.conversations.add_message(
        conversation_id,
        role="assistant",
        content=plan.text,
        sources=[
            {"id": p.entry.id, "title": p.entry.title, "score": p.score} for p in plan.passages
        ],
        confidence=plan.confidence,
        handoff=True,
        mode=plan.mode,
        language=plan.language,
    )
    record = live.support(assistant).request_handoff(conversation_id, reason)
    return reply, record


def publish_emergency(
    state: ServiceState,
    record: ConversationRecord,
    reply: MessageRecord | None,
    asked: MessageRecord,
    plan: Plan,
) -> None:
    """Tell the agent consoles: the reply, the status (now priority 3, also on the
    conversation's own stream) and an 'emergency' alert on the agents' feed that names the
    conversation, its holder, the customer's message, why (``reason``: emergency, threat,
    safeguarding; ``priority``), the reply the bot gave (``reply_id`` null where the customer
    got none) and what it says or would have said (``reply_text``, with its phone numbers in
    ``numbers``)."""
    if reply is not None:
        live.publish_messages(state, record.id, [reply], status=record.status)
    live.publish_status(state, record)
    reason = ALERTS[plan.reason or "emergency"]
    alert = {
        "conversation_id": record.id,
        "assigned_agent": record.assigned_agent,
        "message_id": asked.id,
        "reply_id": None if reply is None else reply.id,
        "text": asked.content,
        "reason": reason,
        "priority": HANDOFF_PRIORITY[reason],
        "reply_text": plan.text,
        "numbers": numbers_in(plan.text),
    }
    state.hub.publish(QUEUE_CHANNEL, "emergency", alert)


def pending_question(assistant: Assistant, conversation_id: str) -> MessageRecord | None:
    """The customer's last message if nobody (bot or person) has replied after it."""
    last = assistant.conversations.history(conversation_id, limit=1)
    return last[-1] if last and last[-1].role == "user" else None


def reply_to_pending(assistant: Assistant, conversation_id: str, answer: Answer) -> MessageRecord:
    """After a hand-back: store the bot's ``answer`` to the question left unanswered
    (`pending_question`, answered alone: the history before it ends with a person's messages,
    not the bot's). An answer that would call a person again (a decline, a request for one)
    becomes the `BACK` note: the person has just handed the customer back, and putting the
    conversation straight back in the queue would bounce it between them. Runs in a worker
    thread."""
    if answer.handoff or answer.mode == "declined":
        language = "zh" if answer.language == "zh" else "en"
        # In the script the bot's answer was written in, for a customer writing traditional.
        traditional = language == "zh" and script_of(answer.text) == "traditional"
        return assistant.conversations.add_message(
            conversation_id,
            role="assistant",
            content=messages.in_script(BACK[language], traditional),
            handoff=False,
            mode="declined",
            language=language,
        )
    return assistant.conversations.add_message(
        conversation_id,
        role="assistant",
        content=answer.text,
        sources=[s.as_dict() for s in answer.sources],
        confidence=answer.confidence,
        handoff=False,
        mode=answer.mode,
        latency_ms=answer.latency_ms,
        language=answer.language,
    )


async def after_hand_back(state: ServiceState, conversation_id: str) -> None:
    """Answer the question a hand-back left open (a background task after the response, so
    the agent's click does not wait for the bot), and publish the reply."""
    assistant = state.assistant
    try:
        # The conversation's lock: a message the customer sends meanwhile waits for this.
        async with state.turns.conversation(conversation_id):
            asked = await live.run_sync(pending_question, assistant, conversation_id)
            reply = None
            if asked is not None:
                # The stored text (personal data replaced) is what is left of the question.
                answer = await turns.answer(state, assistant, asked.content)
                reply = await live.run_sync(reply_to_pending, assistant, conversation_id, answer)
    except Exception:  # the hand-back itself is done; the customer can still ask again
        log.warning("answering the question left at a hand-back failed", exc_info=True)
        return
    if reply is not None:
        live.publish_messages(state, conversation_id, [reply], status="bot")


# -- the replies to a message sent while a person holds the conversation ----------------------
async def to_agent(
    text: str, cid: str, assistant: Assistant, state: ServiceState, turn: str | None
) -> AnswerOut:
    """A customer's message while a person holds the conversation: stored and sent to the
    person; the bot answers only an emergency. ``turn`` is the client's id for the message:
    the same message sent again gets its first send's reply."""
    before = await live.run_sync(live.sent_before, assistant, cid, turn, text)
    if before:
        return await replayed(before, cid, assistant)
    history = await live.run_sync(assistant.history, cid)  # the turns before this message
    try:
        record = await live.run_sync(live.store_message, assistant, cid, "user", text, turn)
    except StorageError:
        # The same message came twice at once: the other request stored it.
        before = await live.run_sync(live.sent_before, assistant, cid, turn)
        if not before:
            raise
        return await replayed(before, cid, assistant)
    live.publish_messages(state, cid, [record], status="agent", client_id=turn)
    # Triage still runs: an emergency must not wait for a person who may be busy elsewhere.
    async with state.turn_lock:  # the triage searches the index the bot's turns share
        plan = await live.run_sync(emergency_plan, assistant, text, history)
    if plan is None:
        return silent_reply(record, cid, "agent")
    reply, flagged = await live.run_sync(flag_emergency, assistant, cid, plan)
    publish_emergency(state, flagged, reply, record, plan)
    if reply is None:  # the person alone answers it (SILENT_ALERTS)
        return silent_reply(record, cid, flagged.status)
    return AnswerOut(
        answer=reply.content,
        sources=[live.source_out(s) for s in reply.sources],
        confidence=plan.confidence,
        handoff=False,  # a person holds it already: this turn handed nothing over
        language=plan.language,
        mode=plan.mode,
        latency_ms=0.0,
        conversation_id=cid,
        message_id=reply.id,
        user_message_id=record.id,
        status=flagged.status,
    )


def silent_reply(asked: MessageRecord, cid: str, status: str) -> AnswerOut:
    """The reply to a message a person will answer: the bot stays silent. ``handoff`` is
    false: the conversation was with a person already, this turn handed nothing over."""
    return AnswerOut(
        answer="",
        sources=[],
        confidence=0.0,
        handoff=False,
        language=asked.language or reply_language(asked.content),
        mode="agent",
        latency_ms=0.0,
        conversation_id=cid,
        message_id=asked.id,
        user_message_id=asked.id,
        status=status,
    )


async def replayed(turn: list[MessageRecord], cid: str, assistant: Assistant) -> AnswerOut:
    """The stored turn of a message sent again, as its first send's reply."""
    status = (await live.run_sync(assistant.conversations.get, cid)).status
    asked, reply = turn[0], turn[1] if len(turn) > 1 else None
    if reply is None:
        return silent_reply(asked, cid, status)
    return AnswerOut(
        answer=reply.content,
        sources=[live.source_out(s) for s in reply.sources],
        confidence=reply.confidence or 0.0,
        handoff=bool(reply.handoff),
        language=reply.language or asked.language or reply_language(reply.content),
        mode=reply.mode or "curated",
        latency_ms=reply.latency_ms or 0.0,
        conversation_id=cid,
        message_id=reply.id,
        user_message_id=asked.id,
        status=status,
    )
