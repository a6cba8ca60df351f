"""An OpenAI-compatible chat endpoint, so existing OpenAI clients and UIs can talk to kefu.

The last user message is the question; earlier user/assistant messages are the context for
follow-ups; system messages are ignored (kefu's own policy decides what it may say). The
reply is a ChatCompletion whose content is kefu's answer, with an extra top-level ``kefu``
field (sources, confidence, handoff, mode, language).

Context reaches the assistant through a short-lived conversation (channel "openai") that is
deleted after the turn, so the endpoint is stateless like OpenAI's. For the same reason it
cannot hand over to a person: no conversation waits in the agents' queue and the client has no
channel for an agent's reply. Where the web chat would say a person is coming, this endpoint
says where a person can be found instead (`messages.without_handoff`); ``kefu.handoff`` still
flags such answers, so the caller can route the user to a person itself.
"""

from __future__ import annotations

import contextlib
import hmac
import time
import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import StreamingResponse

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant, clean_message
from kefu.errors import NotFoundError
from kefu.service import turns
from kefu.service.auth import client_ip
from kefu.service.deps import AssistantDep, StateDep, too_many
from kefu.service.schemas import (
    ChatCompletion,
    ChatCompletionChoice,
    ChatCompletionMessage,
    ChatCompletionRequest,
    ErrorOut,
    KefuExtra,
    ModelList,
    ModelOut,
    SourceOut,
)
from kefu.service.sse import SSE_HEADERS, error_text, sse
from kefu.types import Answer


async def api_key(
    request: Request,
    state: StateDep,
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """With `Settings.openai_api_keys` set, /v1/* needs ``Authorization: Bearer <a key>``
    (401 otherwise, each failure charged to the caller's address like a wrong customer token:
    429 past 30 a minute). Unset, the endpoint is open, like the customer chat it stands in for
    (docs/service.md)."""
    configured = state.assistant.settings.openai_api_keys
    if configured is None:
        return
    keys = [k.strip() for k in configured.get_secret_value().split(",") if k.strip()]
    token = (authorization or "").partition(" ")[2].strip()
    scheme = (authorization or "").partition(" ")[0].lower()
    if scheme == "bearer" and token and any(hmac.compare_digest(token, k) for k in keys):
        return
    address = request.client.host if request.client else "?"
    allowed, wait = await state.limits.allow("auth_failed", address)
    if not allowed:
        raise too_many(wait, "too many requests with a wrong or missing API key")
    raise HTTPException(
        401, "this endpoint needs 'Authorization: Bearer <API key>'", {"WWW-Authenticate": "Bearer"}
    )


router = APIRouter(prefix="/v1", tags=["openai-compatible"], dependencies=[Depends(api_key)])

MODEL_ID = "kefu"
CONTEXT_TURNS = 12  # as many as the assistant reads back from a conversation


@router.get("/models", response_model=ModelList)
async def list_models() -> ModelList:
    return ModelList(data=[ModelOut(id=MODEL_ID)])


def _split(body: ChatCompletionRequest) -> tuple[str, list[tuple[str, str]]]:
    """(question, earlier user/assistant turns) from an OpenAI message list."""
    last_user = max((i for i, m in enumerate(body.messages) if m.role == "user"), default=None)
    if last_user is None:
        from kefu.dialogue.assistant import InvalidMessage

        raise InvalidMessage("the request has no user message to answer")
    question = clean_message(body.messages[last_user].text())
    context: list[tuple[str, str]] = [
        (str(m.role), m.text())
        for m in body.messages[:last_user]
        if m.role in ("user", "assistant") and m.text().strip()
    ]
    return question, context[-CONTEXT_TURNS:]


async def _turn(
    assistant: Assistant,
    state: StateDep,
    question: str,
    context: list[tuple[str, str]],
    client: str | None,
) -> AsyncGenerator[str | Answer | Exception, None]:
    """The turn's pieces (`turns.pieces`), with ``context`` loaded into a throwaway
    conversation; ``client`` is the caller's address (its share of the model's queue)."""
    if not context:
        async with turns.closing_pieces(state, assistant, question, None, client) as stream:
            async for piece in stream:
                yield piece
        return
    repo = assistant.conversations

    def load() -> str:
        cid = repo.create(channel="openai", meta={"ephemeral": True}).id
        for role, content in context:
            repo.add_message(cid, role=role, content=content.replace("\x00", ""))
        return cid

    def drop(cid: str) -> None:
        with contextlib.suppress(NotFoundError):  # already gone
            repo.delete(cid)

    cid = await anyio.to_thread.run_sync(load)
    try:
        async with turns.closing_pieces(state, assistant, question, cid, client) as stream:
            async for piece in stream:
                yield piece
    finally:
        with anyio.CancelScope(shield=True):  # deleted even when the client went away
            await anyio.to_thread.run_sync(drop, cid)


def _extra(answer: Answer) -> KefuExtra:
    data = answer.as_dict()
    return KefuExtra(
        sources=[SourceOut(**s) for s in data["sources"]],
        confidence=data["confidence"],
        handoff=answer.handoff,
        mode=answer.mode,
        language=answer.language,
    )


@router.post(
    "/chat/completions",
    response_model=ChatCompletion,
    responses={
        400: {"model": ErrorOut},
        200: {
            "description": "A ChatCompletion; with stream=true, chat.completion.chunk events "
            "ending with 'data: [DONE]'.",
            "content": {"text/event-stream": {}},
        },
    },
)
async def chat_completions(
    request: Request, body: ChatCompletionRequest, assistant: AssistantDep, state: StateDep
) -> ChatCompletion | StreamingResponse:
    question, context = _split(body)
    client = client_ip(request)
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    if body.stream:
        return StreamingResponse(
            _chunks(assistant, state, question, context, completion_id, created, client),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )

    answer: Answer | None = None
    # Closed by this task however the loop ends (kefu.service.turns.closing_pieces says why).
    async with contextlib.aclosing(_turn(assistant, state, question, context, client)) as stream:
        async for piece in stream:
            if isinstance(piece, Exception):
                raise piece
            if isinstance(piece, Answer):
                answer = piece
    assert answer is not None
    return ChatCompletion(
        id=completion_id,
        created=created,
        model=MODEL_ID,
        choices=[
            ChatCompletionChoice(
                message=ChatCompletionMessage(content=messages.without_handoff(answer.text))
            )
        ],
        kefu=_extra(answer),
    )


def _chunk(cid: str, created: int, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }


async def _chunks(
    assistant: Assistant,
    state: StateDep,
    question: str,
    context: list[tuple[str, str]],
    cid: str,
    created: int,
    client: str | None,
) -> AsyncIterator[str]:
    yield sse(_chunk(cid, created, {"role": "assistant", "content": ""}, None))
    async with contextlib.aclosing(_turn(assistant, state, question, context, client)) as stream:
        async for piece in stream:
            if isinstance(piece, Answer):
                final = _chunk(cid, created, {}, "stop")
                final["kefu"] = _extra(piece).model_dump(mode="json")
                yield sse(final)
            elif isinstance(piece, Exception):
                yield sse({"error": {"message": error_text(piece), "type": "server_error"}})
                break
            elif piece:
                # A fixed reply arrives as one piece, so its promise of a person is whole here.
                text = messages.without_handoff(piece)
                yield sse(_chunk(cid, created, {"content": text}, None))
    yield sse("[DONE]")
