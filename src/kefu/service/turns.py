"""How the service runs a bot turn: three locks, and a cap on turns waiting for the model.

* A conversation's own lock, held for its whole turn: one conversation's turns happen in
  order (each reads the ones before it), and a message sent twice with the same client id is
  answered once (the second finds the first's turn stored).
* The index lock (`ServiceState.turn_lock`), held while a turn is planned (retrieval, triage,
  policy: `Assistant.prepare`) and, for a turn that needs no model, while it is answered. The
  index, the embedder and the triage models are not safe to share across threads; knowledge
  uploads and reloads take the same lock, so the index never changes under a turn reading it.
* The model lock, held while the local LLM writes (`Assistant.respond` of a generated turn):
  llama.cpp is not safe to share across threads, and the CPU is the bottleneck anyway. The
  turn has its passages by then; the index lock is free for the next turn. So a curated,
  declined or small-talk answer never waits for a generation, only for other turns' planning.

The locks are always taken in that order (conversation, index, model) and the index lock is
let go before the model lock is awaited, so no two turns wait on each other.

More than `Settings.max_queued_generations` turns waiting for the model, or
`Settings.max_queued_generations_per_client` from the same client address: a new turn that
would need it is answered without it, as the policy answers a language the model lacks (the
top passage quoted), rather than stalling behind them (docs/service.md, "A busy model"). The
share per address keeps one client (a script, an attacker) from filling the queue that every
other customer's generated answer waits in.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from typing import TYPE_CHECKING

import anyio

from kefu.errors import KefuError
from kefu.service.sse import turn_pieces
from kefu.types import Answer

if TYPE_CHECKING:
    from kefu.dialogue.assistant import Assistant
    from kefu.dialogue.turn import PreparedTurn
    from kefu.service.deps import ServiceState

log = logging.getLogger("kefu.service")


class TurnLocks:
    """The model lock, the conversations' locks, and how many turns want the model."""

    def __init__(self) -> None:
        self.model = anyio.Lock()
        self.generating = 0  # turns writing with the model or waiting for it
        self._clients: dict[str, int] = {}  # the same, per client address (none: not counted)
        # A lock per conversation with a turn in flight, and how many turns use it (the entry
        # goes with the last, so the table holds only conversations answering now).
        self._conversations: dict[str, tuple[anyio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def conversation(self, cid: str) -> AsyncIterator[None]:
        lock, users = self._conversations.get(cid) or (anyio.Lock(), 0)
        self._conversations[cid] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._conversations[cid]
            if users > 1:
                self._conversations[cid] = (lock, users - 1)
            else:
                del self._conversations[cid]

    def busy(self, limit: int) -> bool:
        """Whether more than ``limit`` turns already wait behind the one the model writes."""
        return self.generating - 1 >= limit

    def client_busy(self, client: str | None, limit: int) -> bool:
        """Whether ``client`` already has ``limit`` turns writing with the model or waiting."""
        return client is not None and self._clients.get(client, 0) >= limit

    def started(self, client: str | None) -> None:
        """Count a turn that wants the model, in all and for its client."""
        self.generating += 1
        if client is not None:
            self._clients[client] = self._clients.get(client, 0) + 1

    def finished(self, client: str | None) -> None:
        """Uncount a turn `started` counted (the client's entry goes with its last turn)."""
        self.generating -= 1
        if client is not None:
            left = self._clients.pop(client) - 1
            if left:
                self._clients[client] = left


async def pieces(
    state: ServiceState,
    assistant: Assistant,
    text: str,
    session_id: str | None = None,
    client: str | None = None,
) -> AsyncGenerator[str | Answer | Exception, None]:
    """One turn's pieces (`turn_pieces`: a failure is the last item), under the index lock
    while planned and the model lock while generated. The caller holds the conversation's
    lock where there is a conversation; ``client`` is the sender's address, for its share of
    the queue (none: only the whole queue's cap applies)."""
    turns = state.turns
    settings = assistant.settings
    async with state.turn_lock:
        turn: PreparedTurn | Exception = await anyio.to_thread.run_sync(
            _prepare, assistant, text, session_id
        )
        if isinstance(turn, Exception):  # reported like a failure part-way (turn_pieces)
            yield turn
            return
        if turn.needs_model and (
            turns.busy(settings.max_queued_generations)
            or turns.client_busy(client, settings.max_queued_generations_per_client)
        ):
            turn.without_model()
        if not turn.needs_model:
            async with contextlib.aclosing(turn_pieces(assistant.respond(turn))) as stream:
                async for piece in stream:
                    yield piece
            return
        turns.started(client)  # counted before the index lock goes: the next turn sees it
    try:
        async with turns.model, contextlib.aclosing(turn_pieces(assistant.respond(turn))) as stream:
            async for piece in stream:
                yield piece
    finally:
        turns.finished(client)


def closing_pieces(
    state: ServiceState,
    assistant: Assistant,
    text: str,
    session_id: str | None = None,
    client: str | None = None,
) -> contextlib.aclosing[AsyncGenerator[str | Answer | Exception, None]]:
    """`pieces` closed by the task that reads it, however the reading ends.

    A reader that stops early (a failure reported, a ``return`` inside the loop) would
    otherwise leave the generator to the event loop's finaliser, which closes it from another
    task: the model lock then cannot be released ("the current task is not holding this
    lock") and every later generation waits for ever. Every reader of `pieces` uses this."""
    return contextlib.aclosing(pieces(state, assistant, text, session_id, client))


async def answer(
    state: ServiceState,
    assistant: Assistant,
    text: str,
    session_id: str | None = None,
    client: str | None = None,
) -> Answer:
    """One whole turn (`pieces`), its failure raised."""
    final: Answer | None = None
    async with closing_pieces(state, assistant, text, session_id, client) as stream:
        async for piece in stream:
            if isinstance(piece, Exception):
                raise piece
            if isinstance(piece, Answer):
                final = piece
    assert final is not None
    return final


def _prepare(assistant: Assistant, text: str, session_id: str | None) -> PreparedTurn | Exception:
    try:
        return assistant.prepare(text, session_id=session_id)
    except KefuError as exc:
        return exc
    except Exception as exc:  # the caller reports it as turn_pieces does a failure part-way
        log.exception("the assistant failed while planning a turn")
        return exc
