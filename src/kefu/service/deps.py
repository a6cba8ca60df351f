"""Shared state and FastAPI dependencies: the assistant, the turn locks, customer tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass, field
from typing import Annotated

import anyio
from fastapi import Depends, Header, HTTPException, Request

# Imported at run time (FastAPI reads these annotations); importing them loads no model.
from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.service.events import EventHub
from kefu.service.ratelimit import Limits, retry_after, service_rules
from kefu.service.turns import TurnLocks
from kefu.storage.conversation_repo import ConversationRecord, ConversationRepository


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass
class ServiceState:
    """What the app holds: settings, the (lazily built) assistant, and the turn lock."""

    settings: Settings | None = None
    pack: str | None = None
    # The pack only stands in for an empty knowledge base (not --pack): uploads replace it.
    pack_is_fallback: bool = False
    assistant_: Assistant | None = None
    ready: bool = False
    # Why this process cannot serve (kefu.service.startup), in words safe to show a client.
    problem: str | None = None
    _build_lock: threading.Lock = field(default_factory=threading.Lock)
    _turn_lock: anyio.Lock | None = None
    _turns: TurnLocks | None = None
    _session_key: bytes | None = None
    hub: EventHub = field(default_factory=EventHub)
    # Replaced by the app's (its settings, its Redis); these defaults limit nothing by address.
    limits: Limits = field(
        default_factory=lambda: Limits(service_rules(per_ip=0, per_conversation=0))
    )

    @property
    def assistant(self) -> Assistant:
        with self._build_lock:
            if self.assistant_ is None:
                from kefu.config import load_settings

                settings = self.settings or load_settings()
                self.assistant_ = Assistant(
                    settings, pack=self.pack, pack_is_fallback=self.pack_is_fallback
                )
            return self.assistant_

    @property
    def turn_lock(self) -> anyio.Lock:
        """The index lock: a turn's planning (retrieval, triage), knowledge uploads and
        reloads, one at a time; the index and the embedder are not safe to share across
        threads. Generation takes the model lock instead (`turns`; kefu.service.turns).
        Awaiting it does not block the loop."""
        if self._turn_lock is None:
            self._turn_lock = anyio.Lock()
        return self._turn_lock

    @property
    def turns(self) -> TurnLocks:
        """The model lock, the conversations' locks and the count of turns wanting the model."""
        if self._turns is None:
            self._turns = TurnLocks()
        return self._turns

    def session_key(self) -> bytes:
        """The key that signs staff session tokens (kept under KEFU_HOME/keys)."""
        if self._session_key is None:
            from kefu.service.auth import session_key

            self._session_key = session_key(self.assistant.settings)
        return self._session_key

    def warm_up(self) -> None:
        self.assistant.warm_up()
        self.ready = True


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.kefu
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]


def get_assistant(state: StateDep) -> Assistant:
    return state.assistant


AssistantDep = Annotated[Assistant, Depends(get_assistant)]


def get_conversations(assistant: AssistantDep) -> ConversationRepository:
    return assistant.conversations


ConversationsDep = Annotated[ConversationRepository, Depends(get_conversations)]


def _bearer(authorization: str | None) -> str:
    challenge = {"WWW-Authenticate": "Bearer"}
    if not authorization:
        raise HTTPException(401, "missing 'Authorization: Bearer <token>' header", challenge)
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "the Authorization header must be 'Bearer <token>'", challenge)
    return token


async def authorized_conversation(
    request: Request,
    conversation_id: str,
    conversations: ConversationsDep,
    state: StateDep,
    authorization: Annotated[str | None, Header()] = None,
) -> ConversationRecord:
    """The conversation in the path, if the request carries its customer token.

    No header: 401. Unknown id: 404 (kefu's NotFoundError). Wrong token: 403. Each failure is
    charged to the caller's address, never to the conversation: past the address's budget
    (`ratelimit.FAILED_AUTH_PER_MINUTE`) the answer is 429 instead.
    """
    from kefu.errors import NotFoundError

    try:
        token = _bearer(authorization)
        record = await anyio.to_thread.run_sync(conversations.get, conversation_id)
        stored = record.token_sha256
        if not isinstance(stored, str) or not hmac.compare_digest(stored, hash_token(token)):
            raise HTTPException(403, "this token does not give access to this conversation")
    except (HTTPException, NotFoundError):
        address = request.client.host if request.client else "?"
        allowed, wait = await state.limits.allow("auth_failed", address)
        if not allowed:
            raise too_many(wait, "too many requests with a wrong or missing token") from None
        raise
    return record


ConversationDep = Annotated[ConversationRecord, Depends(authorized_conversation)]


async def counted_message(conversation: ConversationDep, state: StateDep) -> ConversationRecord:
    """`authorized_conversation`, charged to the conversation's message budget: only its own
    customer can use that up (429 past it)."""
    allowed, wait = await state.limits.allow("conversation", conversation.id)
    if not allowed:
        raise too_many(wait, "too many messages in this conversation")
    return conversation


MessageDep = Annotated[ConversationRecord, Depends(counted_message)]


def too_many(wait: float, message: str) -> HTTPException:
    """429 with ``Retry-After``, worded like the middleware's."""
    retry = retry_after(wait)
    return HTTPException(429, f"{message}; try again in {retry} s", {"Retry-After": str(retry)})
