"""Live support in the service: who answers a customer message, and telling everyone.

The rules of the handoff state machine (bot -> waiting -> agent -> closed, or back to bot):

* ``bot`` or ``waiting``: the assistant answers. An answer that hands off (the customer asked
  for a person, an emergency, or confidence too low to answer) puts the conversation in the
  queue; so do ``MAX_FAILED_ANSWERS`` declined or thumbed-down answers without a thumbs-up
  between them.
* ``agent``: the bot stays silent; the customer's messages go to the agent holding it.
* ``closed``: a new customer message reopens it with the bot.

Every stored message and every state change is published on the conversation's channel (the
customer's page and the agent's console listen); those of conversations in the agents' reach
(`in_agents_reach`) also on the queue channel (all agent consoles).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import anyio

from kefu.dialogue.assistant import Assistant, reply_language
from kefu.service.deps import ServiceState
from kefu.service.events import CLOSING, QUEUE_CHANNEL, conversation_channel
from kefu.service.schemas import ConversationOut, MessageOut, SourceOut
from kefu.storage.conversation_repo import ConversationRecord, MessageRecord
from kefu.storage.support_repo import MAX_FAILED_ANSWERS, ConflictError, SupportRepository
from kefu.types import Answer

log = logging.getLogger("kefu.service")


def support(assistant: Assistant) -> SupportRepository:
    return SupportRepository(assistant.kb.db)


def source_out(raw: dict[str, Any]) -> SourceOut:
    score = raw.get("score")
    return SourceOut(
        id=str(raw.get("id", "")),
        title=str(raw.get("title", "")),
        score=float(score) if isinstance(score, int | float) else 0.0,
    )


def message_out(m: MessageRecord) -> MessageOut:
    return MessageOut(
        id=m.id,
        role=m.role,
        content=m.content,
        created_at=m.created_at,
        sources=[source_out(s) for s in m.sources],
        confidence=m.confidence,
        handoff=m.handoff,
        mode=m.mode,
        client_id=m.client_id,
    )


def conversation_out(c: ConversationRecord) -> ConversationOut:
    return ConversationOut(
        id=c.id,
        status=c.status,
        language=c.language,
        created_at=c.created_at,
        updated_at=c.updated_at,
        assigned_agent=c.assigned_agent,
        handoff_reason=c.handoff_reason,
        priority=c.priority,
        waiting_since=c.waiting_since,
        taken_at=c.taken_at,
        message_count=c.message_count,
        rating=c.rating,
    )


def in_agents_reach(c: ConversationRecord) -> bool:
    """Whether agents may see this conversation: it waits for a person, a person holds it, or
    it was handed to a person before (and since handed back or closed). A conversation only
    the bot has answered is the customer's and the bot's alone; admins see every one."""
    return c.status in ("waiting", "agent") or c.handoff_reason is not None


def handoff_reason(text: str, answer: Answer) -> str:
    """Why the bot handed this turn over (the queue puts emergencies first)."""
    from kefu.dialogue.intents import triage

    kind = triage(text)
    # A customer's threat to hurt someone and a report of an adult soliciting a child rank with
    # emergencies (priority 3), under their own names so that the agent sees which it is.
    # A report against the business's staff too: a person must act on it today. Praise for a
    # member of staff goes under its own name as well, at the back of the queue.
    # A romance scam or sextortion too: money or images may go within hours.
    reasons = ("threat", "safeguarding", "misconduct", "praise", "romance_scam")
    if answer.reason in reasons:
        return answer.reason
    # The rules, the learned check or the business's own emergency entry (answer.reason), or
    # an intent model routing to an emergency: each puts the conversation first in the queue.
    routed = (answer.intent or {}).get("route")
    if (
        kind == "emergency"
        or answer.reason in ("emergency", "emergency entry")
        or routed == "emergency"
    ):
        return "emergency"
    # A complaint or an angry, abusive message wants a person as much as "转人工" does: it ranks
    # as a request, never as a knowledge gap (low confidence) at the back of the queue.
    if kind in ("human", "data_request", "complaint", "abuse"):
        return "request"
    # A refusal on principle is no knowledge gap either: the agent must know that the customer
    # asked for someone else's data or for help with fraud, not that the bot was unsure.
    if answer.reason in SAFETY_REASONS:
        return "safety"
    return "low_confidence"


# The answer reasons of the fixed safety replies (kefu.dialogue.safety_plans._safety_plan).
SAFETY_REASONS = frozenset(
    {"private", "prescription", "dose", "diagnosis", "scam", "investment", "fraud", "promise"}
)


def store_message(
    assistant: Assistant,
    conversation_id: str,
    role: str,
    text: str,
    client_id: str | None = None,
) -> MessageRecord:
    """Store a customer or agent message that the bot does not answer.

    A customer's message loses its personal data first (settings.redact_pii_storage); an
    agent's is kept as written: agents are staff, and the callback number or address they
    give is the business's, which the customer must still see after a reload."""
    content = customer_text(assistant, text) if role == "user" else text
    return assistant.conversations.add_message(
        conversation_id,
        role=role,
        content=content,
        language=reply_language(text),
        client_id=client_id,
    )


def name_turn(assistant: Assistant, conversation_id: str, client_id: str) -> None:
    """Give the turn just stored its sender's client id (on its customer message), so the
    same message sent again finds it (`sent_before`). Runs under the turn lock, in a worker
    thread, before the next turn can look."""
    asked = [
        m for m in assistant.conversations.history(conversation_id, limit=2) if m.role == "user"
    ]
    if asked:
        assistant.conversations.set_client_id(asked[-1].id, client_id)


def sent_before(
    assistant: Assistant, conversation_id: str, client_id: str | None, text: str | None = None
) -> list[MessageRecord]:
    """The stored turn of a message sent before under this client id (a page that reloaded
    while its answer was coming sends it again), or [] for a new message.

    With ``text`` (the message now sent), a stored message under that id with other words is
    a `ConflictError` (409): a client that reuses ids (a counter reset by a reload) would
    otherwise get the earlier question's answer to a new question, and the new one dropped."""
    if client_id is None:
        return []
    stored = assistant.conversations.turn(conversation_id, client_id)
    if text is not None and stored and not same_message(assistant, stored[0].content, text):
        raise ConflictError(
            f"client_id {client_id!r} was already used in this conversation for a different "
            "message; give each new message a new client_id (the same id is only for sending "
            "the same message again)"
        )
    return stored


def same_message(assistant: Assistant, stored: str, text: str) -> bool:
    """Whether ``text`` is the message stored as ``stored``: compared as it would be stored
    (personal data replaced, `customer_text`), whitespace runs ignored."""
    return " ".join(customer_text(assistant, text).split()) == " ".join(stored.split())


def customer_text(assistant: Assistant, text: str) -> str:
    """What is kept of a customer's free text (a message, a feedback comment): their
    personal data replaced first (settings.redact_pii_storage)."""
    if not assistant.settings.redact_pii_storage:
        return text
    from kefu.guard import redact

    return redact(text)


def after_answer(
    assistant: Assistant, conversation_id: str, text: str, answer: Answer
) -> tuple[list[MessageRecord], ConversationRecord | None]:
    """Book-keeping after the bot answered: the two stored messages, and the conversation if
    its state changed (it entered the queue). Runs in a worker thread."""
    repo = support(assistant)
    repo.wrote(conversation_id)  # a request for a person made before this ranks as one now
    stored = [
        m
        for m in assistant.conversations.history(conversation_id, limit=2)
        if m.role in ("user", "assistant")
    ]
    failed = answer.handoff or answer.mode == "declined"
    if not failed:
        # An answer given is not yet an answer that helped: only a thumbs-up resets the count.
        return stored, None
    count = repo.note_answer(conversation_id, failed=True)
    if answer.handoff:
        return stored, repo.request_handoff(conversation_id, handoff_reason(text, answer))
    if count >= MAX_FAILED_ANSWERS:
        queued = assistant.conversations.get(conversation_id).status in ("bot", "closed")
        moved = repo.request_handoff(conversation_id, "repeated_failure")
        if queued and stored and stored[-1].role == "assistant":
            # This answer brought a person in: it says so (`handoff`), like an answer that
            # handed over itself, so the reply's handoff and the conversation's status agree.
            assistant.conversations.mark_handoff(stored[-1].id)
            stored[-1] = dataclasses.replace(stored[-1], handoff=True)
        return stored, moved
    return stored, None


def publish_messages(
    state: ServiceState,
    conversation_id: str,
    records: list[MessageRecord],
    *,
    status: str,
    client_id: str | None = None,
) -> None:
    """New messages, to the conversation's listeners; agent consoles hear of them only while
    the conversation (now ``status``) waits for a person or one holds it. ``client_id``: the
    sender's name for this turn, passed back on each of its messages."""
    channel = conversation_channel(conversation_id)
    for m in records:
        data = message_out(m).model_dump(mode="json")
        if client_id is not None:
            data["client_id"] = client_id
        state.hub.publish(channel, "message", data)
    if records and status in ("waiting", "agent"):
        state.hub.publish(
            QUEUE_CHANNEL, "activity", {"conversation_id": conversation_id, "id": records[-1].id}
        )


def publish_status(state: ServiceState, record: ConversationRecord) -> None:
    data = conversation_out(record).model_dump(mode="json")
    state.hub.publish(conversation_channel(record.id), "status", data)
    if in_agents_reach(record):  # every agent console hears the queue channel
        state.hub.publish(QUEUE_CHANNEL, "status", data)


KNOWLEDGE_CHANNEL = "knowledge"


def publish_knowledge_change(state: ServiceState) -> None:
    """The knowledge base changed here: other processes reload theirs (see `follow_knowledge`)."""
    state.hub.publish(KNOWLEDGE_CHANNEL, "changed", {"origin": state.hub.origin})


async def follow_knowledge(state: ServiceState) -> None:
    """Reload this process's index when another process changed the knowledge base (runs for
    the app's lifetime where events are shared between processes, i.e. with KEFU_REDIS_URL)."""
    while True:
        async with state.hub.subscribe(KNOWLEDGE_CHANNEL) as feed:
            while True:
                event = await feed.next(3600.0)
                if event is CLOSING:
                    return  # the server is stopping
                if event is None or event.data.get("origin") == state.hub.origin:
                    continue
                async with state.turn_lock:  # never under a turn that is reading the index
                    await run_sync(state.assistant.kb.refresh)
                if event.name == "resync":
                    break  # the feed fell behind and was dropped: subscribe again


# How often a server asks the database whether another process changed the knowledge.
KNOWLEDGE_CHECK_SECONDS = 2.0


async def check_knowledge(state: ServiceState, every: float | None = None) -> None:
    """Reload this process's index when the stored knowledge changed under it: `kefu kb add`
    or `kefu kb remove` in another process, or another server on the same database, whether
    or not it announced the change (`follow_knowledge`). Every ``every`` seconds (default
    `KNOWLEDGE_CHECK_SECONDS`) one small query outside the turn lock (`KnowledgeBase.changed`:
    the knowledge base's revision); only a change takes the lock and reloads, between turns
    (runs for the app's lifetime, with or without Redis)."""
    import asyncio

    failing = False
    while True:
        await asyncio.sleep(KNOWLEDGE_CHECK_SECONDS if every is None else every)
        assistant = state.assistant_
        if assistant is None:
            continue  # not built yet: it will read the knowledge as it is when it is
        try:
            if await run_sync(assistant.kb.changed):
                async with state.turn_lock:  # never under a turn that is reading the index
                    if await run_sync(assistant.kb.changed):  # not reloaded meanwhile
                        await run_sync(assistant.kb.refresh)
            failing = False
        except Exception:  # the database away for a moment: the next check tries again
            if not failing:
                log.warning("checking the knowledge base for changes failed", exc_info=True)
            failing = True


def publish_typing(state: ServiceState, cid: str, role: str, name: str | None = None) -> None:
    """Someone is typing in this conversation: a hint for the other side, never stored."""
    state.hub.publish(conversation_channel(cid), "typing", {"role": role, "name": name})


async def run_sync(func: Any, *args: Any, **kwargs: Any) -> Any:
    """Run blocking database work in a worker thread."""
    from functools import partial

    return await anyio.to_thread.run_sync(partial(func, *args, **kwargs))
