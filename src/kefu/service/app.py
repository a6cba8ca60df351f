"""The FastAPI application factory.

``create_app()`` does no work: the Assistant is built on first use (or injected, in tests)
and warmed up by the lifespan handler in a worker thread, so the first customer does not pay
for loading the models. The OpenAPI schema is served at /openapi.json; the interactive docs
(/docs, /redoc) only with settings.api_docs, since FastAPI's pages load their scripts from a
CDN and kefu otherwise loads nothing from any other server.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kefu import __version__
from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.errors import DatabaseError, KefuError, LLMError, NotFoundError
from kefu.security.crypto import MasterKeyError
from kefu.security.keycheck import PUBLIC_REASON
from kefu.service import auth, live
from kefu.service.controls import RefuseControls
from kefu.service.deps import ServiceState
from kefu.service.ratelimit import Limits, RateLimit, service_rules
from kefu.service.routes import admin, agent, chat, conversations, health, openai_compat, pages
from kefu.service.server import ShutdownReply
from kefu.service.startup import startup_problem
from kefu.storage.support_repo import ConflictError

log = logging.getLogger("kefu.service")

MAX_BODY_BYTES = 64 * 1024


def create_app(
    settings: Settings | None = None,
    *,
    assistant: Assistant | None = None,
    pack: str | None = None,
    pack_is_fallback: bool = False,
    warm_up: bool = True,
) -> FastAPI:
    """Build the app. ``assistant`` is used as given (tests); otherwise one is built from
    ``settings`` (default: `load_settings()`) and ``pack`` when first needed.
    ``pack_is_fallback``: the pack only stands in for an empty knowledge base, and the
    first knowledge file uploaded replaces it (otherwise the pack is read-only)."""
    if settings is None:
        from kefu.config import load_settings

        settings = assistant.settings if assistant is not None else load_settings()
    state = ServiceState(
        settings=settings, pack=pack, pack_is_fallback=pack_is_fallback, assistant_=assistant
    )
    if settings.redis_url:
        try:
            import redis  # noqa: F401  (checked here: a missing package is a clear error now)
        except ImportError as exc:
            from kefu.errors import MissingDependency

            raise MissingDependency("redis", extra="redis", purpose="KEFU_REDIS_URL") from exc
        from kefu.service.redis_hub import RedisEventHub

        state.hub = RedisEventHub(settings.redis_url, prefix=settings.redis_prefix)
    state.limits = Limits(
        service_rules(
            per_ip=settings.rate_limit_ip, per_conversation=settings.rate_limit_conversation
        ),
        redis_url=settings.redis_url,
        prefix=settings.redis_prefix,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await state.hub.start()  # with Redis: every process sees every live event ...
        # Knowledge changed by another process (the CLI, another server) is found by a check
        # of the database every few seconds; with Redis, another server's change is also
        # announced, and reloaded at once.
        watchers = [asyncio.create_task(live.check_knowledge(state))]
        if state.hub.shared:
            watchers.append(asyncio.create_task(live.follow_knowledge(state)))
        try:
            # A process that cannot read the database's encrypted data (another server's
            # master key) must not report itself ready: see kefu.service.startup.
            state.problem = await anyio.to_thread.run_sync(startup_problem, settings)
            if warm_up and state.problem is None:
                await anyio.to_thread.run_sync(state.warm_up)
            yield
        finally:
            for watcher in watchers:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            await state.hub.stop()

    app = FastAPI(
        title="kefu",
        version=__version__,
        summary="Customer-support answers from your FAQ and documents (Chinese and English).",
        lifespan=lifespan,
        docs_url="/docs" if settings.api_docs else None,
        redoc_url="/redoc" if settings.api_docs else None,
    )
    app.state.kefu = state
    app.include_router(health.router)
    app.include_router(conversations.router)
    app.include_router(chat.router)
    app.include_router(openai_compat.router)
    app.include_router(auth.router)
    app.include_router(agent.router)
    app.include_router(admin.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(
        BodyLimit,
        max_bytes=MAX_BODY_BYTES,
        overrides={admin.UPLOAD_PATH: admin.MAX_UPLOAD_BYTES},
    )
    # A control character in the path or query names nothing: refused before any lookup.
    app.add_middleware(RefuseControls)
    # Added last = runs first: over-limit requests are refused before their body is read.
    app.add_middleware(RateLimit, limits=state.limits)
    # Outermost: a request the shutdown cancels gets JSON 503, not uvicorn's plain 500.
    app.add_middleware(ShutdownReply)
    return app


# -- errors ---------------------------------------------------------------------------------
def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """``{"error": message}``; on /v1 routes OpenAI's shape ``{"error": {"message", ...}}``."""
    message = _clip_words(message)
    if request.url.path.startswith("/v1/"):
        kind = "invalid_request_error" if status < 500 else "server_error"
        body: dict[str, Any] = {"error": {"message": message, "type": kind, "code": status}}
    else:
        body = {"error": message, **extra}
    return JSONResponse(body, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return error_response(request, 404, str(exc))

    @app.exception_handler(LLMError)
    async def llm_error(request: Request, exc: LLMError) -> JSONResponse:
        # The model backend failed (server down, bad reply): not the customer's fault.
        return error_response(request, 503, f"the language model failed: {exc}")

    @app.exception_handler(MasterKeyError)
    async def master_key_error(request: Request, exc: MasterKeyError) -> JSONResponse:
        # The server's configuration, not the client's request: 503, and the details (they
        # name key files on the server) go to the log only. /health then says not ready.
        log.error("%s %s: %s", request.method, request.url.path, exc)
        state: ServiceState = request.app.state.kefu
        state.problem = PUBLIC_REASON
        return error_response(request, 503, PUBLIC_REASON)

    @app.exception_handler(ConflictError)
    async def conflict(request: Request, exc: ConflictError) -> JSONResponse:
        return error_response(request, 409, str(exc))

    @app.exception_handler(DatabaseError)
    async def database_error(request: Request, exc: DatabaseError) -> JSONResponse:
        # The full message names the database (host, port, user, name): the log has it; the
        # client gets only what went wrong (docs/service.md: no server detail in replies).
        log.error("%s %s: %s", request.method, request.url.path, exc)
        headers = {"Retry-After": "5"} if exc.status == 503 else None
        return error_response(request, exc.status, exc.public, headers)

    @app.exception_handler(KefuError)
    async def kefu_error(request: Request, exc: KefuError) -> JSONResponse:
        code = refusal_code(exc)
        if code is not None:  # a refused customer message: pages translate the code
            return error_response(request, 400, str(exc), code=code)
        return error_response(request, 400, str(exc))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        # kefu's storage and security layers check their inputs with ValueError: the
        # request carried something they cannot accept, so it is the client's error.
        log.info("rejected %s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 400, f"invalid request: {exc}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        unreadable = _unreadable_json(exc)
        if unreadable is not None:
            return error_response(request, 422, unreadable)
        return error_response(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_problem(e) for e in exc.errors()]
        broken = [e for e in exc.errors() if e.get("type") == "json_invalid"]
        if broken:
            # FastAPI puts the character offset where the field name goes ("field": "13").
            where = _json_error_place(broken[0])
            message = f"the request body is not valid JSON {where}"
            problems = [{"field": "body", "message": f"body: invalid JSON {where}"}]
        elif isinstance(exc.body, bytes | bytearray) and exc.body:
            # The body was not read as JSON at all: its Content-Type said it is something else
            # (curl -d sends application/x-www-form-urlencoded) or said nothing.
            kind = request.headers.get("content-type")
            said = f"this request's is {kind!r}" if kind else "this request has none"
            return error_response(
                request,
                415,
                f"send the body as JSON with the header 'Content-Type: application/json' ({said})",
            )
        else:
            message = "invalid request: " + "; ".join(p["message"] for p in problems)
        return error_response(request, 422, message, detail=problems)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error")


_BODY_PARSE_ERROR = "There was an error parsing the body"  # FastAPI's, fastapi/routing.py

# Why a customer's message was refused, for pages to say in the customer's language: the
# words of kefu.dialogue.incoming's messages, mapped to a stable code.
_REFUSALS = (
    ("the message is empty", "empty"),
    ("the message is too long", "too_long"),
    ("only HTML markup", "markup_only"),
    ("a message must be text", "not_text"),
)


def refusal_code(exc: Exception) -> str | None:
    """The code of a refused customer message ('empty', 'too_long', 'markup_only',
    'not_text'), or None for any other error."""
    from kefu.dialogue.assistant import InvalidMessage

    if not isinstance(exc, InvalidMessage):
        return None
    text = str(exc)
    return next((code for words, code in _REFUSALS if words in text), "invalid_message")


def _unreadable_json(exc: StarletteHTTPException) -> str | None:
    """What is wrong with a JSON body FastAPI could not parse (it answers a bare 400 "There
    was an error parsing the body"), or None for any other HTTP error. Such a body is
    malformed JSON to the client: 422, like any other."""
    cause = exc.__cause__
    if exc.status_code != 400 or exc.detail != _BODY_PARSE_ERROR or cause is None:
        return None
    if isinstance(cause, UnicodeDecodeError):
        return "the request body is not valid JSON: it is not UTF-8 text"
    if isinstance(cause, RecursionError):
        return "the request body is not valid JSON: it is nested too deeply"
    if isinstance(cause, ValueError) and "digits" in str(cause):
        return "the request body is not valid JSON: it holds a number too long to read"
    return "the request body is not valid JSON"


# An error message repeats what the client sent (an id, a file name): at most this much of
# any one word, so a 5,000-character id is not echoed back whole.
_MAX_WORD = 80


def _clip_words(message: str) -> str:
    if len(message) <= _MAX_WORD:
        return message
    return " ".join(
        w if len(w) <= _MAX_WORD else w[: _MAX_WORD - 1] + "…" for w in message.split(" ")
    )


def _json_error_place(error: Any) -> str:
    """ "at character 13 (expecting ',' delimiter)" from FastAPI's json_invalid error, whose
    location is ("body", offset) and whose context holds the decoder's reason."""
    loc = error.get("loc", ())
    offset = loc[-1] if loc and isinstance(loc[-1], int) else None
    reason = str((error.get("ctx") or {}).get("error", "")).strip()
    place = f"at character {offset}" if offset is not None else "somewhere"
    return f"{place} ({reason[:1].lower() + reason[1:]})" if reason else place


def _problem(error: Any) -> dict[str, str]:
    """A validation error without the offending input (which may be large or private)."""
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
    return {"field": where, "message": f"{where}: {error.get('msg', 'invalid')}"}


# -- request size -----------------------------------------------------------------------------
class BodyLimit:
    """Reject request bodies over ``max_bytes`` with 413, whether Content-Length says so up
    front or a chunked body turns out too long; also marks every reply ``nosniff``."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, overrides: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.overrides = overrides or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        limit = self.overrides.get(scope.get("path", ""), self.max_bytes)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await self._too_large(scope, send_nosniff, limit)
            return
        # Read the body now (it is small) so that an over-long chunked body is refused
        # before the app sees any of it; then replay it.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._too_large(scope, send_nosniff, limit)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # http.disconnect, for streaming responses

        await self.app(scope, replay, send_nosniff)

    async def _too_large(self, scope: Scope, send: Send, limit: int) -> None:
        message = f"the request body is larger than {limit // 1024} KB"
        path = scope.get("path", "")
        if path.startswith("/v1/"):
            payload: dict[str, Any] = {
                "error": {"message": message, "type": "invalid_request_error", "code": 413}
            }
        else:
            payload = {"error": message, "code": "too_large"}
        data = json.dumps(payload).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(data)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": data})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
