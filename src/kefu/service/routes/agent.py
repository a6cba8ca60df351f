"""The agent console's API: the queue, taking a conversation, replying, handing back, closing.

Every call needs an agent or admin (see `kefu.service.auth`). Agents reach only the
conversations handed to a person (`live.in_agents_reach`: waiting, held, or handed over
before); any other id is "not found" to them. Admins reach every conversation and may take
over one another person holds. Every read of a conversation and every state change is
written to the audit log.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request
from fastapi.responses import Response, StreamingResponse

from kefu.dialogue.assistant import InvalidMessage, clean_message
from kefu.errors import NotFoundError
from kefu.guard.documents import clean_passages
from kefu.service import held, live
from kefu.service.auth import Staff, StaffDep, audit
from kefu.service.deps import AssistantDep, StateDep
from kefu.service.events import CLOSING, QUEUE_CHANNEL
from kefu.service.routes.conversations import KEEPALIVE_S, follow, typing_allowed
from kefu.service.schemas import (
    AgentConversationOut,
    ConversationOut,
    ErrorOut,
    MessageOut,
    QueueItemOut,
    QueueOut,
    ReplyIn,
    SourceOut,
    SuggestionOut,
)
from kefu.service.sse import SSE_HEADERS, sse
from kefu.storage.conversation_repo import ConversationRecord, MessageRecord

router = APIRouter(prefix="/api/agent", tags=["agent console"])

_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "Not signed in."},
    404: {"model": ErrorOut, "description": "No such conversation."},
    409: {"model": ErrorOut, "description": "The conversation's state does not allow it."},
}


# The most waiting conversations one queue request returns (a page), and the default.
MAX_QUEUE_PAGE = 500
QUEUE_PAGE = 100


@router.get("/queue", response_model=QueueOut, responses=_ERRORS)
async def queue(
    staff: StaffDep,
    assistant: AssistantDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_QUEUE_PAGE, description="Waiting conversations per page.")
    ] = QUEUE_PAGE,
    offset: Annotated[
        int, Query(ge=0, description="How many waiting conversations to skip (paging).")
    ] = 0,
) -> QueueOut:
    """Conversations waiting for a person (most urgent, then longest waiting, first), one
    page of them with the queue's true length ('waiting_total'), and the ones this agent
    holds, each with the customer's first question."""
    repo = live.support(assistant)
    waiting = await live.run_sync(partial(repo.queue, limit=limit, offset=offset))
    total = await live.run_sync(repo.waiting_count)
    mine = await live.run_sync(repo.held_by, staff.name)
    asked: dict[str, str] = await live.run_sync(
        assistant.conversations.first_messages, [c.id for c in waiting + mine]
    )

    def item(c: ConversationRecord) -> QueueItemOut:
        question = asked.get(c.id)
        return QueueItemOut(
            **live.conversation_out(c).model_dump(),
            first_question=None if question is None else _clip(question),
        )

    return QueueOut(
        waiting=[item(c) for c in waiting],
        waiting_total=total,
        offset=offset,
        limit=limit,
        mine=[item(c) for c in mine],
    )


@router.get("/events", responses={**_ERRORS, 200: {"content": {"text/event-stream": {}}}})
async def queue_events(request: Request, staff: StaffDep, state: StateDep) -> StreamingResponse:
    """Server-sent events whenever the queue changes ('status') or a conversation gets a new
    message ('activity'); the console then reloads the queue."""
    return StreamingResponse(
        _queue_feed(request, state), media_type="text/event-stream", headers=SSE_HEADERS
    )


async def _queue_feed(request: Request, state: StateDep) -> AsyncIterator[str]:
    async with state.hub.subscribe(QUEUE_CHANNEL) as feed:
        yield sse({}, "ready")
        while True:
            event = await feed.next(KEEPALIVE_S)
            if await request.is_disconnected():
                return
            if event is None:
                yield ": keep-alive\n\n"
                continue
            if event is CLOSING:
                return  # the server is stopping: the console reconnects to the next one
            yield sse(event.data, event.name)
            if event.name == "resync":
                return


@router.get(
    "/conversations/{conversation_id}", response_model=AgentConversationOut, responses=_ERRORS
)
async def conversation(
    conversation_id: str, staff: StaffDep, assistant: AssistantDep, state: StateDep
) -> AgentConversationOut:
    """Everything an agent needs to take over: history, a short summary, the sources the bot
    used, the customer's language, and a suggested reply from the knowledge base."""
    record = await _reachable(assistant, conversation_id, staff)
    messages = await live.run_sync(assistant.conversations.history, conversation_id)
    audit(assistant, staff, "conversation.view", conversation_id)
    async with state.turn_lock:  # the index is shared with the bot's turns
        suggestion = await live.run_sync(suggest, assistant, messages)
    used: dict[str, SourceOut] = {}
    for m in messages:
        for s in m.sources:
            out = live.source_out(s)
            if out.id and (out.id not in used or used[out.id].score < out.score):
                used[out.id] = out
    return AgentConversationOut(
        conversation=live.conversation_out(record),
        summary=summarize(record, messages),
        messages=[live.message_out(m) for m in messages],
        sources_used=sorted(used.values(), key=lambda s: -s.score),
        suggestion=suggestion,
    )


@router.get("/conversations/{conversation_id}/events", responses=_ERRORS)
async def conversation_events(
    request: Request,
    conversation_id: str,
    staff: StaffDep,
    assistant: AssistantDep,
    state: StateDep,
    after: Annotated[int, Query(ge=0)] = 0,
) -> StreamingResponse:
    """The conversation's live events, as the customer's page gets them (the messages after
    ``after`` first: a read of the conversation, audited like the plain GET)."""
    await _reachable(assistant, conversation_id, staff)
    audit(assistant, staff, "conversation.view", conversation_id, {"events_after": after})
    return StreamingResponse(
        follow(request, state, conversation_id, after, assistant.conversations.history),
        media_type="text/event-stream",
        headers=SSE_HEADERS,
    )


@router.post(
    "/conversations/{conversation_id}/take", response_model=ConversationOut, responses=_ERRORS
)
async def take(
    conversation_id: str, staff: StaffDep, assistant: AssistantDep, state: StateDep
) -> ConversationOut:
    """Take a waiting conversation: from now on the bot is silent and the customer talks to
    you. An admin may also take one the bot has or another person holds (their customers
    must not be left talking to nobody)."""
    before = await _reachable(assistant, conversation_id, staff)
    take_over = staff.role == "admin"
    record = await live.run_sync(
        live.support(assistant).take, conversation_id, staff.name, take_over=take_over
    )
    held = before.assigned_agent if before.status == "agent" else None
    detail: dict[str, object] | None = {"from": held} if held and held != staff.name else None
    return _moved(record, staff, assistant, state, "conversation.take", detail)


@router.post("/conversations/{conversation_id}/typing", status_code=204, responses=_ERRORS)
async def typing(
    conversation_id: str, staff: StaffDep, assistant: AssistantDep, state: StateDep
) -> Response:
    """You are typing a reply: the customer sees '<name> is typing…'. Only while you hold the
    conversation; nothing is stored. At most one every 2 s is passed on (more are dropped)."""
    record = await _reachable(assistant, conversation_id, staff)
    _require_holder(record, staff)
    if await typing_allowed(state, conversation_id, "agent"):
        live.publish_typing(state, conversation_id, "agent", staff.name)
    return Response(status_code=204)


@router.post(
    "/conversations/{conversation_id}/messages", response_model=MessageOut, responses=_ERRORS
)
async def reply(
    conversation_id: str,
    body: ReplyIn,
    staff: StaffDep,
    assistant: AssistantDep,
    state: StateDep,
) -> MessageOut:
    """Send a message to the customer (only while you hold the conversation)."""
    try:
        text = clean_message(body.text)
    except InvalidMessage as exc:  # its words are for customers, who write questions
        raise InvalidMessage(str(exc).replace("the question", "the reply")) from None
    record = await _reachable(assistant, conversation_id, staff)
    _require_holder(record, staff)
    message = await live.run_sync(live.store_message, assistant, conversation_id, "agent", text)
    live.publish_messages(state, conversation_id, [message], status="agent")
    audit(assistant, staff, "conversation.reply", conversation_id, {"message_id": message.id})
    return live.message_out(message)


@router.post(
    "/conversations/{conversation_id}/hand-back",
    response_model=ConversationOut,
    responses=_ERRORS,
)
async def hand_back(
    conversation_id: str,
    staff: StaffDep,
    assistant: AssistantDep,
    state: StateDep,
    background: BackgroundTasks,
) -> ConversationOut:
    """Give the conversation back to the bot, which keeps your messages as context (an
    admin may hand back one anybody holds). If the customer's last message has no reply
    yet, the bot answers it just after (or, if it cannot, says it is back and how to reach a
    person again): the customer is never left waiting on a question nobody will answer."""
    await _reachable(assistant, conversation_id, staff)
    holder = None if staff.role == "admin" else staff.name
    record = await live.run_sync(live.support(assistant).hand_back, conversation_id, holder)
    background.add_task(held.after_hand_back, state, conversation_id)
    return _moved(record, staff, assistant, state, "conversation.hand_back")


@router.post(
    "/conversations/{conversation_id}/close", response_model=ConversationOut, responses=_ERRORS
)
async def close(
    conversation_id: str, staff: StaffDep, assistant: AssistantDep, state: StateDep
) -> ConversationOut:
    """Close the conversation (an agent closes one they hold or one waiting; an admin any)."""
    await _reachable(assistant, conversation_id, staff)
    holder = None if staff.role == "admin" else staff.name
    record = await live.run_sync(live.support(assistant).close, conversation_id, holder)
    return _moved(record, staff, assistant, state, "conversation.close")


async def _reachable(
    assistant: AssistantDep, conversation_id: str, staff: Staff
) -> ConversationRecord:
    """The conversation, if ``staff`` may reach it; otherwise 404, as for an unknown id, so
    an agent cannot even learn that a conversation exists."""
    record: ConversationRecord = await live.run_sync(assistant.conversations.get, conversation_id)
    if staff.role != "admin" and not live.in_agents_reach(record):
        raise NotFoundError(f"no conversation with id {conversation_id!r}")
    return record


def _require_holder(record: ConversationRecord, staff: Staff) -> None:
    if record.status != "agent" or record.assigned_agent != staff.name:
        from kefu.storage.support_repo import ConflictError

        raise ConflictError("take the conversation before replying to it")


def _moved(
    record: ConversationRecord,
    staff: Staff,
    assistant: AssistantDep,
    state: StateDep,
    action: str,
    detail: dict[str, object] | None = None,
) -> ConversationOut:
    live.publish_status(state, record)
    audit(assistant, staff, action, record.id, detail)
    return live.conversation_out(record)


# -- summary and suggestion ---------------------------------------------------------------
def summarize(record: ConversationRecord, messages: list[MessageRecord]) -> str:
    """A few lines an agent reads in two seconds: what the customer wants, in which language,
    why the bot handed over. Built from the record, not by an LLM, so it is never wrong."""
    asked = [m.content for m in messages if m.role == "user"]
    declined = _declined(messages)
    lang = {"zh": "Chinese", "en": "English", "mixed": "Chinese and English"}.get(
        record.language or "", record.language or "unknown"
    )
    parts = [f"Language: {lang}."]
    if asked:
        parts.append(f"First asked: “{_clip(asked[0])}”.")
        if len(asked) > 1:
            parts.append(f"Latest: “{_clip(asked[-1])}” ({len(asked)} messages).")
    reasons = {
        "emergency": "possible emergency",
        "threat": "the customer threatened to hurt someone (staff, a person or a place)",
        "safeguarding": "a report of an adult soliciting a child: urgent safeguarding",
        "misconduct": "a report that staff stole from, abused, harassed or touched a customer "
        "or their family",
        "romance_scam": "a romance scam or sextortion: someone met online asks for money or "
        "threatens to share intimate images",
        "request": "the customer asked for a person",
        "low_confidence": "the bot could not answer confidently",
        "safety": "the customer asked for something the bot may not give (someone else's "
        "data, a dose or diagnosis, advice, a promise, or help with fraud)",
        "repeated_failure": "answers did not help",
        "praise": "the customer praised a member of staff: please pass it on",
    }
    if record.handoff_reason:
        parts.append(f"Handed over: {reasons.get(record.handoff_reason, record.handoff_reason)}.")
    if declined:
        parts.append(f"The bot declined {declined} time(s).")
    return " ".join(parts)


def _declined(messages: list[MessageRecord]) -> int:
    """How many ordinary questions the bot gave no answer to ("I'm not sure…"). Not a curated
    answer that handed over too (the business's emergency entry: an answer, not a refusal),
    nor the fixed reply to a request for a person, an emergency or a refusal on principle."""
    from kefu.dialogue.intents import triage

    count, asked = 0, ""
    for m in messages:
        if m.role == "user":
            asked = m.content
        elif m.role == "assistant" and m.mode == "declined" and triage(asked) == "none":
            count += 1
    return count


def _clip(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Messages that ask nothing of the knowledge base: the draft answers the question before them.
_NOT_ASKING = frozenset({"human", "greeting", "praise", "thanks", "complaint"})


def _kind(text: str, kind: str) -> tuple[str, str]:
    """A request for a person (or a complaint) that also asks a question ("可唔可以退機？我要搵
    真人") counts as that question: the draft answers it, not the question before it."""
    from kefu.dialogue.intents import question_besides

    if kind in _NOT_ASKING:
        question = question_besides(text)
        if question is not None:
            return question, "none"
    return text, kind


def suggest(assistant: AssistantDep, messages: list[MessageRecord]) -> SuggestionOut:
    """A draft reply: the best knowledge-base answer to the customer's latest question, in
    the customer's language.

    Only an ordinary question is drafted for: "I want a real person, 我要人工客服" (what most
    handed-over conversations end with) or an emergency matched some unrelated entry, and a
    busy agent sent it. An entry in another language is no draft either."""
    from kefu.dialogue.incoming import reply_language
    from kefu.dialogue.intents import triage

    nothing = SuggestionOut(text="", sources=[], confidence=0.0)
    kinds = [_kind(m.content, triage(m.content)) for m in messages if m.role == "user"]
    # The latest message that asks something decides. One the bot refused on principle (fraud,
    # advice, someone else's data, an emergency...) gets no draft: the best entry for an
    # earlier question, or the entry its own words match ("可以。…" to a request for help
    # with market manipulation), would read as the business agreeing. A request for a person
    # or a thanks asks nothing: the question before it is drafted for.
    asking = [(text, kind) for text, kind in kinds if kind not in _NOT_ASKING]
    if not asking or asking[-1][1] != "none":
        return nothing
    asked = [asking[-1][0]]
    result = assistant.kb.search(asked[-1])
    # The agent sends the draft to the customer: it must carry no planted instruction either.
    passages = clean_passages(result.passages)
    if not passages:
        return nothing
    confidence = float(assistant.confidence.predict(result.features))
    if passages[0].entry.id != result.passages[0].entry.id:
        confidence = 0.0  # as on the answer path: the confidence was about a passage now gone
    language = reply_language(asked[-1])
    passages = [
        p for p in passages if p.entry.language not in ("en", "zh") or p.entry.language == language
    ]
    if not passages:
        return nothing
    top = passages[0]
    return SuggestionOut(
        text=top.entry.display_text,
        sources=[
            SourceOut(id=p.entry.id, title=p.entry.title, score=p.score) for p in passages[:3]
        ],
        confidence=confidence,
    )
