"""Control characters in a request's path or query string are refused before any route runs.

No id, name or key kefu stores holds a C0 control character or DEL, so a path with one
(``/api/conversations/abc%00def/messages``) names nothing: 404, as an unknown id gets. A query
parameter with one is malformed: 422. Refusing here, before the database, matters most for
PostgreSQL, whose driver cannot even send a NUL in a text parameter: the lookup failed with a
driver error instead of "not found" (and once with the database URL in the reply).
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

# C0 controls and DEL. Tab, newline and carriage return are controls too: no id holds them.
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_CONTROL_BYTE = re.compile(rb"[\x00-\x1f\x7f]")


def first_control(text: str) -> str | None:
    """The first C0 control character or DEL in ``text``, or None."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def shown(ch: str) -> str:
    """A control character as an escape a person can read ("\\x00")."""
    return f"\\x{ord(ch):02x}"


class RefuseControls:
    """ASGI middleware: 404 for a path, 422 for a query string with a control character."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            bad = first_control(scope.get("path", ""))
            if bad is not None:
                message = f"not found: the path holds a control character ({shown(bad)})"
                await _refuse(send, 404, message)
                return
            query = unquote_to_bytes(scope.get("query_string", b"") or b"")
            found = _CONTROL_BYTE.search(query)
            if found is not None:
                where = shown(chr(found.group()[0]))
                message = f"invalid request: the query string holds a control character ({where})"
                await _refuse(send, 422, message)
                return
        await self.app(scope, receive, send)


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
