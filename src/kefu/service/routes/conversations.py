"""Conversations for the web chat and widgets: create, send (JSON or SSE), history, live
events, feedback, and asking for a person.

A conversation is created with a fresh customer token; every later call must carry it as
``Authorization: Bearer <token>``. The token opens that one conversation and nothing else.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response, StreamingResponse

from kefu.dialogue.assistant import clean_message
from kefu.errors import NotFoundError
from kefu.guard.documents import sanitize_entry
from kefu.service import held, live, turns
from kefu.service.auth import NO_STORE, client_ip
from kefu.service.deps import (
    AssistantDep,
    ConversationDep,
    ConversationsDep,
    MessageDep,
    StateDep,
    hash_token,
    new_token,
)
from kefu.service.events import CLOSING, conversation_channel
from kefu.service.schemas import (
    AnswerOut,
    ConversationCreated,
    ConversationIn,
    ConversationOut,
    ErrorOut,
    FeedbackIn,
    FeedbackOut,
    HistoryOut,
    MessageIn,
    RatingIn,
    SourceDetailOut,
)
from kefu.service.sse import SSE_HEADERS, detached, error_text, sse
from kefu.storage.conversation_repo import quoted_id
from kefu.storage.support_repo import ConflictError
from kefu.types import Answer

router = APIRouter(prefix="/api/conversations", tags=["conversations"])

_AUTH_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "No or malformed bearer token."},
    403: {"model": ErrorOut, "description": "The token is not this conversation's."},
    404: {"model": ErrorOut, "description": "No such conversation."},
}
KEEPALIVE_S = 15.0


def answer_out(answer: Answer, conversation_id: str | None, **extra: object) -> AnswerOut:
    data = answer.as_dict()
    data.pop("session_id", None)
    data.update(extra)
    return AnswerOut(**data, conversation_id=conversation_id)


@router.post(
    "",
    response_model=ConversationCreated,
    status_code=201,
    responses={401: {"model": ErrorOut, "description": "customer_id without a staff key."}},
)
def create_conversation(
    request: Request,
    response: Response,
    conversations: ConversationsDep,
    assistant: AssistantDep,
    state: StateDep,
    body: ConversationIn | None = None,
    authorization: Annotated[str | None, Header()] = None,
) -> ConversationCreated:
    """Start a conversation; the token in the reply is shown only this once.

    A web page calls this with no body. A business backend that knows who the customer is
    calls it with ``{"customer_id": ...}`` and its staff API key, then hands the customer
    token to the customer's browser."""
    customer_id = body.customer_id if body is not None else None
    if customer_id is not None:
        from kefu.service.auth import current_staff

        staff = current_staff(request, state, assistant, authorization)  # 401 unless staff
    token = new_token()
    record = conversations.create(
        channel="api", token_sha256=hash_token(token), customer_id=customer_id
    )
    if customer_id is not None:
        from kefu.service.auth import audit

        # Binding a conversation to a customer puts it in that customer's export and erasure:
        # who did it must be on record.
        audit(assistant, staff, "conversation.create", customer_id, {"conversation": record.id})
    response.headers.update(NO_STORE)  # the token is in the body
    return ConversationCreated(id=record.id, token=token)


@router.get("/{conversation_id}", response_model=ConversationOut, responses=_AUTH_ERRORS)
def conversation_state(conversation: ConversationDep) -> ConversationOut:
    """The conversation's state: bot, waiting (for a person), agent, closed."""
    return live.conversation_out(conversation)


@router.post(
    "/{conversation_id}/messages",
    response_model=AnswerOut,
    responses={
        **_AUTH_ERRORS,
        400: {"model": ErrorOut, "description": "Empty or over-long message."},
        200: {
            "description": "The answer; or, with ?stream=true or 'Accept: text/event-stream', "
            "server-sent events: 'token' {text} for each piece, then 'answer' (this object), "
            "then 'done'. A failure part-way is an 'error' event {error}. While a person "
            "holds the conversation the bot is silent: mode is 'agent' and the reply comes "
            "on /events.",
            "content": {"text/event-stream": {}},
        },
    },
)
async def send_message(
    request: Request,
    body: MessageIn,
    conversation: MessageDep,
    assistant: AssistantDep,
    state: StateDep,
    stream: Annotated[bool, Query(description="Reply with server-sent events.")] = False,
    accept: Annotated[str | None, Header()] = None,
) -> AnswerOut | StreamingResponse:
    text = clean_message(body.text)  # InvalidMessage -> 400 now, not half-way through a stream
    cid = conversation.id
    client = client_ip(request)
    turn = body.client_id
    wants_stream = stream or "text/event-stream" in (accept or "")
    if conversation.status == "agent":
        held_reply = await held.to_agent(text, cid, assistant, state, turn)
        if wants_stream:
            return StreamingResponse(
                _one(held_reply), media_type="text/event-stream", headers=SSE_HEADERS
            )
        return held_reply
    queued = conversation.status == "waiting"  # before this turn: it cannot hand over again
    if conversation.status == "closed":
        reopened = await live.run_sync(live.support(assistant).reopen, cid)
        live.publish_status(state, reopened)
    if wants_stream:
        # A client id already used for other words is 409 before the stream starts (its
        # status can no longer change once it has); under the lock `_events` looks again.
        await live.run_sync(live.sent_before, assistant, cid, turn, text)
        return StreamingResponse(
            detached(_events(text, cid, assistant, state, turn, queued=queued, client=client)),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )
    async with state.turns.conversation(cid):  # the locks: kefu.service.turns
        before = await live.run_sync(live.sent_before, assistant, cid, turn, text)
        if before:
            return await held.replayed(before, cid, assistant)
        answer = await turns.answer(state, assistant, text, cid, client)
        if turn is not None:
            await live.run_sync(live.name_turn, assistant, cid, turn)
    return await _finish(text, cid, answer, assistant, state, turn, queued=queued)


async def _one(answer: AnswerOut) -> AsyncIterator[str]:
    yield sse(answer.model_dump(mode="json"), "answer")
    yield sse({}, "done")


async def _finish(
    text: str,
    cid: str,
    answer: Answer,
    assistant: AssistantDep,
    state: StateDep,
    turn: str | None = None,
    *,
    queued: bool = False,
) -> AnswerOut:
    stored, changed = await live.run_sync(live.after_answer, assistant, cid, text, answer)
    status = changed.status if changed is not None else None
    if status is None:
        status = (await live.run_sync(assistant.conversations.get, cid)).status
    live.publish_messages(state, cid, stored, status=status, client_id=turn)
    if changed is not None:
        live.publish_status(state, changed)
    reply = stored[-1] if stored and stored[-1].role == "assistant" else None
    # A second failed answer in a row hands over after the answer was made (after_answer).
    # `handoff` says whether this turn put the conversation in the queue: one that already
    # waited stays there (a more urgent reason still raises its priority) and says false.
    handoff = not queued and (answer.handoff or bool(reply is not None and reply.handoff))
    asked = next((m.id for m in stored if m.role == "user"), None)
    return answer_out(
        answer,
        cid,
        message_id=reply.id if reply is not None else None,
        user_message_id=asked,
        status=status,
        handoff=handoff,
    )


async def _events(
    text: str,
    cid: str,
    assistant: AssistantDep,
    state: StateDep,
    turn: str | None,
    *,
    queued: bool = False,
    client: str | None = None,
) -> AsyncIterator[str]:
    async with state.turns.conversation(cid):  # the locks: kefu.service.turns
        try:
            before = await live.run_sync(live.sent_before, assistant, cid, turn, text)
        except ConflictError as exc:  # the id was taken while this request waited
            yield sse({"error": str(exc)}, "error")
            return
        if before:
            again = await held.replayed(before, cid, assistant)
            yield sse(again.model_dump(mode="json"), "answer")
            yield sse({}, "done")
            return
        final: Answer | None = None
        async with turns.closing_pieces(state, assistant, text, cid, client) as stream:
            async for piece in stream:
                if isinstance(piece, Answer):
                    final = piece
                elif isinstance(piece, Exception):
                    yield sse({"error": error_text(piece)}, "error")
                    return
                else:
                    yield sse({"text": piece}, "token")
        if final is not None and turn is not None:
            await live.run_sync(live.name_turn, assistant, cid, turn)
    if final is not None:
        out = await _finish(text, cid, final, assistant, state, turn, queued=queued)
        yield sse(out.model_dump(mode="json"), "answer")
    yield sse({}, "done")


@router.get("/{conversation_id}/messages", response_model=HistoryOut, responses=_AUTH_ERRORS)
def history(
    conversation: ConversationDep,
    conversations: ConversationsDep,
    after: Annotated[int, Query(ge=0, description="Only messages with a larger id.")] = 0,
) -> HistoryOut:
    """The conversation's messages, oldest first (``after``: only newer ones)."""
    records = [m for m in conversations.history(conversation.id) if m.id > after]
    return HistoryOut(
        conversation_id=conversation.id,
        status=conversation.status,
        rating=conversation.rating,
        messages=[live.message_out(m) for m in records],
    )


@router.get(
    "/{conversation_id}/events",
    responses={**_AUTH_ERRORS, 200: {"content": {"text/event-stream": {}}}},
)
async def events(
    request: Request,
    conversation: ConversationDep,
    conversations: ConversationsDep,
    state: StateDep,
    after: Annotated[int, Query(ge=0, description="Replay messages after this id first.")] = 0,
) -> StreamingResponse:
    """Live events of this conversation (server-sent): 'message' (a new message from anyone,
    with its id, and the client_id its sender gave the turn, if any), 'status' (bot /
    waiting / agent / closed), 'typing' ({role, name}: the other side is typing), 'resync'
    (read the history again). After a network drop, reconnect with ``after=<last message
    id>``: what was missed is sent first, so no message is lost. The stream ends when the
    server stops; connect again."""
    return StreamingResponse(
        follow(request, state, conversation.id, after, conversations.history),
        media_type="text/event-stream",
        headers=SSE_HEADERS,
    )


async def follow(
    request: Request, state: StateDep, cid: str, after: int, read_history: object
) -> AsyncIterator[str]:
    """Backlog since ``after``, the current status, then live events until the client goes."""
    channel = conversation_channel(cid)
    # Subscribe before reading the backlog, so nothing falls between the two.
    async with state.hub.subscribe(channel) as feed:
        records = await live.run_sync(read_history, cid)
        seen = after
        for m in records:
            if m.id > after:
                yield sse(live.message_out(m).model_dump(mode="json"), "message")
                seen = max(seen, m.id)
        record = await live.run_sync(state.assistant.conversations.get, cid)
        yield sse(live.conversation_out(record).model_dump(mode="json"), "status")
        while True:
            event = await feed.next(KEEPALIVE_S)
            if await request.is_disconnected():
                return
            if event is None:
                yield ": keep-alive\n\n"
                continue
            if event is CLOSING:
                return  # the server is stopping: the page reconnects to the next one
            if event.name == "message" and int(event.data.get("id") or 0) <= seen:
                continue  # already sent from the backlog
            yield sse(event.data, event.name)
            if event.name == "resync":
                return


@router.post("/{conversation_id}/handoff", response_model=ConversationOut, responses=_AUTH_ERRORS)
async def ask_for_person(
    conversation: ConversationDep, assistant: AssistantDep, state: StateDep
) -> ConversationOut:
    """The customer asks for a person: the conversation joins the agents' queue."""
    record = await live.run_sync(
        live.support(assistant).request_handoff, conversation.id, "request"
    )
    live.publish_status(state, record)
    return live.conversation_out(record)


@router.post("/{conversation_id}/typing", status_code=204, responses=_AUTH_ERRORS)
async def typing(conversation: ConversationDep, state: StateDep) -> Response:
    """The customer is typing: the agent who holds (or is about to take) the conversation sees
    a 'typing' event {role: "user"} on its stream. Nothing is stored; while the bot answers,
    nothing is sent. Pages send this at most every few seconds while the customer types; the
    server passes on at most one every 2 s (more are answered 204 and dropped)."""
    if conversation.status in ("waiting", "agent") and await typing_allowed(
        state, conversation.id, "user"
    ):
        live.publish_typing(state, conversation.id, "user")
    return Response(status_code=204)


@router.post(
    "/{conversation_id}/feedback",
    response_model=FeedbackOut,
    status_code=201,
    responses=_AUTH_ERRORS,
)
async def feedback(
    body: FeedbackIn, conversation: ConversationDep, assistant: AssistantDep, state: StateDep
) -> FeedbackOut:
    """Thumbs up (1) or down (-1) on one answer, with an optional comment. Two thumbs down
    in a row bring a person in."""
    repo = live.support(assistant)
    record = await live.run_sync(
        repo.add_feedback,
        conversation.id,
        kind="thumb",
        value=body.value,
        message_id=body.message_id,
        comment=_comment(assistant, body.comment),
    )
    if body.value > 0:
        await live.run_sync(repo.note_answer, conversation.id, failed=False)
    elif conversation.status == "bot":
        count = await live.run_sync(repo.note_answer, conversation.id, failed=True)
        if count >= live.MAX_FAILED_ANSWERS:
            moved = await live.run_sync(repo.request_handoff, conversation.id, "repeated_failure")
            live.publish_status(state, moved)
    return FeedbackOut(id=record.id, kind=record.kind, value=record.value)


@router.post(
    "/{conversation_id}/rating",
    response_model=FeedbackOut,
    status_code=201,
    responses=_AUTH_ERRORS,
)
async def rating(
    body: RatingIn, conversation: ConversationDep, assistant: AssistantDep
) -> FeedbackOut:
    """Rate the whole conversation from 1 to 5; a second rating replaces the first."""
    record = await live.run_sync(
        live.support(assistant).add_feedback,
        conversation.id,
        kind="rating",
        value=body.value,
        comment=_comment(assistant, body.comment),
    )
    return FeedbackOut(id=record.id, kind=record.kind, value=record.value)


async def typing_allowed(state: StateDep, cid: str, role: str) -> bool:
    """Whether a typing hint from this side of the conversation may go out now (one per
    `ratelimit.TYPING_EVERY_S`), so a script cannot flood the other side's stream."""
    allowed, _ = await state.limits.allow("typing", f"{cid}:{role}")
    return allowed


def _comment(assistant: AssistantDep, comment: str | None) -> str | None:
    """A feedback comment is the customer's free text: kept like their messages."""
    return None if comment is None else live.customer_text(assistant, comment)


@router.get(
    "/{conversation_id}/sources/{entry_id:path}",
    response_model=SourceDetailOut,
    responses={
        **_AUTH_ERRORS,
        404: {
            "model": ErrorOut,
            "description": "No such conversation, or no answer of it cited this entry.",
        },
    },
)
async def source(
    entry_id: str,
    conversation: ConversationDep,
    conversations: ConversationsDep,
    assistant: AssistantDep,
) -> SourceDetailOut:
    """A source one of this conversation's answers cited, in full, so the customer can open
    what an answer came from. The text is the one the answer was made from: planted
    instructions removed (`kefu.guard.documents`). Any other entry is not the customer's to
    browse, and the reply does not say whether it exists."""
    cited = await live.run_sync(conversations.cited_sources, conversation.id)
    not_cited = NotFoundError(
        f"no source {quoted_id(entry_id)} among this conversation's answers: "
        "only the sources an answer cited can be opened"
    )
    if entry_id not in cited:
        raise not_cited
    try:
        entry = await live.run_sync(assistant.kb.entry, entry_id)
    except NotFoundError:  # cited once, since removed from the knowledge base
        raise not_cited from None
    clean = sanitize_entry(entry)
    if clean is None:  # nothing but a planted instruction: no answer could have used it
        raise not_cited
    return SourceDetailOut(
        id=clean.id,
        title=clean.title,
        text=clean.display_text,
        question=clean.text if clean.kind == "faq" else None,
    )
