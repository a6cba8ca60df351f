"""Sign-in for agents and admins, and the dependencies that enforce roles.

Two credentials are accepted as ``Authorization: Bearer ...``:

* an API key (``kefu_...``) made with ``kefu users key NAME``, checked against its stored hash;
* a session token from ``POST /api/auth/login`` (name and password). Session tokens are
  stateless: ``kefus_<payload>.<hmac>`` signed with a key kept under ``KEFU_HOME/keys``, valid
  for 12 hours. Each request still loads the user, so removing or disabling a user ends their
  sessions at once, and checks the token against the ones ended by ``POST /api/auth/logout``
  (kept, as sha256, until they would have expired) and against the user's ``sessions_after``
  (moved forward by ``kefu users passwd``, which so ends every older session).

Customers never use these: their bearer token opens only their own conversation
(`kefu.service.deps.authorized_conversation`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import anyio
import anyio.from_thread
from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response

from kefu.service.deps import AssistantDep, StateDep, hash_token
from kefu.service.ratelimit import retry_after
from kefu.service.schemas import ErrorOut, LoginIn, LoginOut, MeOut

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.security.users import UserRecord

SESSION_PREFIX = "kefus_"
SESSION_TTL_S = 12 * 3600
STAFF_ROLES = ("agent", "admin")

router = APIRouter(prefix="/api/auth", tags=["sign-in"])


@dataclass(frozen=True)
class Staff:
    """The signed-in agent or admin making a request."""

    name: str
    role: str
    ip: str | None


def session_key(settings: Settings) -> bytes:
    """The signing key for session tokens (kefu.security.sessionkey: shared by every server)."""
    from kefu.security.sessionkey import session_key as load

    return load(settings)


def make_session(key: bytes, name: str, role: str, *, now: float | None = None) -> tuple[str, int]:
    issued = now or time.time()
    expires = int(issued + SESSION_TTL_S)
    # "s": a random id, so two sign-ins in the same second get different tokens and signing
    # one out (revocation is by token) leaves the other alone. "i": when it was issued (ms),
    # to refuse tokens older than a password reset (the user's sessions_after).
    claims = {
        "n": name,
        "r": role,
        "e": expires,
        "i": round(issued, 3),
        "s": secrets.token_urlsafe(9),
    }
    payload = json.dumps(claims, separators=(",", ":")).encode()
    body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    return f"{SESSION_PREFIX}{body}.{mac}", expires


def read_session(
    key: bytes, token: str, *, now: float | None = None
) -> tuple[str, str, int, float] | None:
    """(name, role, expiry, issue time; Unix times) of a valid, unexpired session token; else
    None. Tokens made before the issue time was carried count from their expiry back."""
    if not token.startswith(SESSION_PREFIX) or "." not in token:
        return None
    body, _, mac = token[len(SESSION_PREFIX) :].rpartition(".")
    expected = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, expected):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        name, role, expires = str(data["n"]), str(data["r"]), int(data["e"])
        issued = float(data.get("i", expires - SESSION_TTL_S))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if expires < (now or time.time()):
        return None
    return name, role, expires, issued


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def current_staff(
    request: Request,
    state: StateDep,
    assistant: AssistantDep,
    authorization: Annotated[str | None, Header()] = None,
) -> Staff:
    """The agent or admin behind the request: 401 without valid credentials."""
    from kefu.errors import NotFoundError
    from kefu.security.users import UserRepository

    challenge = {"WWW-Authenticate": "Bearer"}
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "sign in first: send 'Authorization: Bearer <key or session>'")
    users = UserRepository(assistant.kb.db)
    user: UserRecord | None = None
    if token.startswith(SESSION_PREFIX):
        found = read_session(state.session_key(), token)
        if found is not None and not users.session_revoked(token):  # signed out: refused
            try:
                user = users.get(found[0])
            except NotFoundError:
                user = None
            # Signed in before a password reset (or before a removed account came back).
            if (
                user is not None
                and user.sessions_after is not None
                and found[3] < user.sessions_after.timestamp()
            ):
                user = None
    else:
        user = users.authenticate_key(token)
    if user is None and _is_customer_token(assistant, token):
        # Valid, but a customer's: the wrong role, not a failed sign-in.
        raise HTTPException(
            403,
            "this is a customer's conversation token; this needs an agent or admin "
            "(POST /api/auth/login, or a staff API key)",
        )
    if user is None or user.disabled or user.role not in STAFF_ROLES:
        _failed_credentials(request, state, assistant, token)
        raise HTTPException(401, "the credentials are invalid or expired; sign in again", challenge)
    return Staff(user.name, user.role, client_ip(request))


def _failed_credentials(
    request: Request, state: StateDep, assistant: AssistantDep, token: str
) -> None:
    """Audit a refused staff credential, within the per-address failure budget.

    Like failed sign-ins, each failure is charged to the caller's address and audited
    (``auth.credentials_failed``) while the budget lasts (30 a minute, shared with wrong
    customer tokens); past it the reply is 429 and only one ``auth.credentials_limited`` entry
    a minute per address is written, so a guessing flood cannot flood the audit log too.
    The token itself is never recorded, only its kind.
    """
    from kefu.service.deps import too_many

    ip = client_ip(request)
    nobody = Staff("http:anonymous", "none", ip)  # no user name can hold a colon
    if token.startswith(SESSION_PREFIX):
        kind = "session"
    elif token.startswith("kefu_"):
        kind = "api_key"
    else:
        kind = "other"
    detail: dict[str, object] = {"kind": kind, "path": request.url.path[:128]}
    # A sync dependency runs in a worker thread; the (possibly Redis) limits are async.
    allowed, wait = anyio.from_thread.run(state.limits.allow, "auth_failed", ip or "?")
    if allowed:
        audit(assistant, nobody, "auth.credentials_failed", None, detail)
        return
    first, _ = anyio.from_thread.run(state.limits.allow, "auth_limited_audit", ip or "?")
    if first:
        audit(assistant, nobody, "auth.credentials_limited", None, detail)
    raise too_many(wait, "too many requests with wrong credentials")


# The shape of `deps.new_token()`: 32 random bytes, URL-safe base64 without padding.
_CUSTOMER_TOKEN = re.compile(r"[A-Za-z0-9_\-]{43}")


def _is_customer_token(assistant: AssistantDep, token: str) -> bool:
    if not _CUSTOMER_TOKEN.fullmatch(token):
        return False  # staff credentials and garbage never cost a lookup
    return assistant.conversations.has_token(hash_token(token))


StaffDep = Annotated[Staff, Depends(current_staff)]


def require_admin(request: Request, staff: StaffDep, assistant: AssistantDep) -> Staff:
    if staff.role != "admin":
        # A signed-in agent reaching for admin routes (exports, erasure, the audit log) is
        # what a data-protection officer looks for afterwards: recorded, with what was asked.
        # (A sync dependency: it runs in a worker thread, where the database write belongs.)
        audit(
            assistant,
            staff,
            "access.denied",
            target=request.url.path,
            detail={"method": request.method, "needs": "admin"},
        )
        raise HTTPException(403, "this needs the admin role")
    return staff


AdminDep = Annotated[Staff, Depends(require_admin)]


def audit(
    assistant: AssistantDep,
    staff: Staff,
    action: str,
    target: str | None = None,
    detail: dict[str, object] | None = None,
) -> None:
    """Record a privileged action in the append-only audit log."""
    from kefu.security.audit import AuditLog

    AuditLog(assistant.kb.db).record(
        staff.name, staff.role, action, target=target, detail=detail or {}, ip=staff.ip
    )


# Replies that carry a credential, or say whose it is, must not be kept by a browser or a proxy.
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


@router.post(
    "/login",
    response_model=LoginOut,
    responses={
        401: {"model": ErrorOut, "description": "Wrong name or password."},
        429: {
            "model": ErrorOut,
            "description": "Too many failed sign-ins from this address, or for this name; "
            "Retry-After says when to try again.",
        },
    },
)
async def login(
    body: LoginIn, request: Request, response: Response, state: StateDep, assistant: AssistantDep
) -> LoginOut:
    """Sign in an agent or admin; the session token lasts 12 hours. A failed attempt is
    audited too (the name tried, never the password). Failures are limited per address (10
    a minute) and per name from anywhere (10, then one every 90 s until a success), except
    that an address with no failure for the name in 15 minutes passes the name's lock: past
    a limit, the reply is 429 and the password is not even checked."""
    from kefu.security.users import UserRepository

    response.headers.update(NO_STORE)
    ip = client_ip(request)
    tried = body.name.replace("\x00", "")[:128]
    nobody = Staff("http:anonymous", "none", ip)  # no user name can hold a colon
    # Each attempt takes its tokens before the (deliberately slow) password check, so a flood
    # past the limit costs no hashing; a success gives them back.
    name_key = tried.casefold()
    pair_key = f"{name_key}\x00{ip or '?'}"
    for limit, key, whom in (
        ("login_ip", ip or "?", "this address"),
        ("login_name", name_key, "this name"),
    ):
        allowed, wait = await state.limits.allow(limit, key)
        if limit == "login_name":
            # Every attempt also spends this address's one token for the name: a failure
            # marks the address for 15 minutes. Past the name's lock an unmarked address
            # still gets its try, so an attacker elsewhere cannot lock the agent out.
            fresh, _ = await state.limits.allow("login_name_address", pair_key)
            allowed = allowed or fresh
        if not allowed:
            retry = retry_after(wait)
            detail = {"limit": limit, "retry_after_s": retry}
            await live_audit(assistant, nobody, "auth.login_limited", tried or None, detail)
            raise HTTPException(
                429,
                f"too many failed sign-ins for {whom}; try again in {retry} s",
                {**NO_STORE, "Retry-After": str(retry)},
            )
    users = UserRepository(assistant.kb.db)
    user = await anyio.to_thread.run_sync(users.authenticate_password, body.name, body.password)
    if user is None or user.disabled or user.role not in STAFF_ROLES:
        await live_audit(assistant, nobody, "auth.login_failed", tried or None)
        raise HTTPException(401, "wrong name or password", NO_STORE)
    await state.limits.refund("login_ip", ip or "?")
    await state.limits.reset("login_name", name_key)
    await state.limits.reset("login_name_address", pair_key)
    token, expires = make_session(state.session_key(), user.name, user.role)
    await live_audit(assistant, Staff(user.name, user.role, ip), "auth.login")
    return LoginOut(token=token, name=user.name, role=user.role, expires_at=expires)


async def live_audit(
    assistant: AssistantDep,
    staff: Staff,
    action: str,
    target: str | None = None,
    detail: dict[str, object] | None = None,
) -> None:
    """`audit` off the event loop (it writes to the database)."""
    await anyio.to_thread.run_sync(lambda: audit(assistant, staff, action, target, detail))


@router.get("/me", response_model=MeOut, responses={401: {"model": ErrorOut}})
def me(
    staff: StaffDep,
    response: Response,
    state: StateDep,
    authorization: Annotated[str | None, Header()] = None,
) -> MeOut:
    """Who the credentials belong to (the consoles call this on load). The credential itself
    is not repeated: the caller has it, and an API key must not travel more than it must."""
    response.headers.update(NO_STORE)
    token = (authorization or "").partition(" ")[2].strip()
    session = read_session(state.session_key(), token) if token.startswith(SESSION_PREFIX) else None
    return MeOut(name=staff.name, role=staff.role, expires_at=session[2] if session else 0)


@router.post(
    "/logout",
    status_code=204,
    responses={
        400: {"model": ErrorOut, "description": "The credential is an API key, not a session."},
        401: {"model": ErrorOut},
    },
)
def logout(
    staff: StaffDep,
    state: StateDep,
    assistant: AssistantDep,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """End this session token on the server (the consoles' "Sign out"): it is refused from
    now on, on every server sharing the database, not merely forgotten by the page. Audited
    as ``auth.logout``."""
    from kefu.security.users import UserRepository

    token = (authorization or "").partition(" ")[2].strip()
    session = read_session(state.session_key(), token) if token.startswith(SESSION_PREFIX) else None
    if session is None:
        # current_staff accepted it, so it is an API key: those are revoked by an admin.
        raise HTTPException(
            400,
            "this is an API key, not a session: revoke a key with 'kefu users revoke'",
            NO_STORE,
        )
    from datetime import UTC, datetime

    UserRepository(assistant.kb.db).revoke_session(token, datetime.fromtimestamp(session[2], UTC))
    audit(assistant, staff, "auth.logout")
    return Response(status_code=204, headers=NO_STORE)
