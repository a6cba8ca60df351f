"""Conversations for chat widgets: create one, send messages (JSON or SSE), read history.

A conversation is created with a fresh customer token; every later call must carry it as
``Authorization: Bearer <token>``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from kefu.dialogue.assistant import clean_message
from kefu.service.deps import (
    AssistantDep,
    ConversationDep,
    ConversationsDep,
    StateDep,
    hash_token,
    new_token,
)
from kefu.service.schemas import (
    AnswerOut,
    ConversationCreated,
    ErrorOut,
    HistoryOut,
    MessageIn,
    MessageOut,
    SourceOut,
)
from kefu.service.sse import SSE_HEADERS, error_text, sse, turn_pieces
from kefu.types import Answer

router = APIRouter(prefix="/api/conversations", tags=["conversations"])

_AUTH_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "No or malformed bearer token."},
    403: {"model": ErrorOut, "description": "The token is not this conversation's."},
    404: {"model": ErrorOut, "description": "No such conversation."},
}


def answer_out(answer: Answer, conversation_id: str | None) -> AnswerOut:
    data = answer.as_dict()
    data.pop("session_id", None)
    return AnswerOut(**data, conversation_id=conversation_id)


@router.post("", response_model=ConversationCreated, status_code=201)
def create_conversation(conversations: ConversationsDep) -> ConversationCreated:
    """Start a conversation; the token in the reply is shown only this once."""
    token = new_token()
    record = conversations.create(channel="api", token_sha256=hash_token(token))
    return ConversationCreated(id=record.id, token=token)


@router.post(
    "/{conversation_id}/messages",
    response_model=AnswerOut,
    responses={
        **_AUTH_ERRORS,
        400: {"model": ErrorOut, "description": "Empty or over-long message."},
        200: {
            "description": "The answer; or, with ?stream=true or 'Accept: text/event-stream', "
            "server-sent events: 'token' {text} for each piece, then 'answer' (this object), "
            "then 'done'. A failure part-way is an 'error' event {error}.",
            "content": {"text/event-stream": {}},
        },
    },
)
async def send_message(
    body: MessageIn,
    conversation: ConversationDep,
    assistant: AssistantDep,
    state: StateDep,
    stream: Annotated[bool, Query(description="Reply with server-sent events.")] = False,
    accept: Annotated[str | None, Header()] = None,
) -> AnswerOut | StreamingResponse:
    text = clean_message(body.text)  # InvalidMessage -> 400 now, not half-way through a stream
    cid = conversation.id
    if stream or "text/event-stream" in (accept or ""):
        return StreamingResponse(
            _events(text, cid, assistant, state),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )
    async with state.turn_lock:
        answer = await anyio.to_thread.run_sync(partial(assistant.ask, text, session_id=cid))
    return answer_out(answer, cid)


async def _events(
    text: str, cid: str, assistant: AssistantDep, state: StateDep
) -> AsyncIterator[str]:
    async with state.turn_lock:
        async for piece in turn_pieces(assistant.stream(text, session_id=cid)):
            if isinstance(piece, Answer):
                yield sse(answer_out(piece, cid).model_dump(mode="json"), "answer")
            elif isinstance(piece, Exception):
                yield sse({"error": error_text(piece)}, "error")
                return
            else:
                yield sse({"text": piece}, "token")
    yield sse({}, "done")


@router.get("/{conversation_id}/messages", response_model=HistoryOut, responses=_AUTH_ERRORS)
def history(conversation: ConversationDep, conversations: ConversationsDep) -> HistoryOut:
    """Every message of the conversation, oldest first."""
    records = conversations.history(conversation.id)
    return HistoryOut(
        conversation_id=conversation.id,
        messages=[
            MessageOut(
                role=m.role,
                content=m.content,
                created_at=m.created_at,
                sources=[_source(s) for s in m.sources],
                confidence=m.confidence,
                handoff=m.handoff,
                mode=m.mode,
            )
            for m in records
        ],
    )


def _source(raw: dict[str, Any]) -> SourceOut:
    score = raw.get("score")
    return SourceOut(
        id=str(raw.get("id", "")),
        title=str(raw.get("title", "")),
        score=float(score) if isinstance(score, int | float) else 0.0,
    )
