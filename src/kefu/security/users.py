"""Staff accounts (agents and admins): scrypt-hashed passwords and sha256-hashed API keys.

Customers are not users: the service gives each conversation an unguessable bearer token.
Removing a user disables it and revokes its keys but keeps the row, so a name in the audit log
always means the same person and cannot be taken over by a new account.
"""

from __future__ import annotations

import base64
import builtins
import functools
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import delete, func, select, update

from kefu.errors import NotFoundError, StorageError
from kefu.storage.models import ApiKey, Conversation, RevokedSession, User, utcnow

if TYPE_CHECKING:
    from kefu.storage.db import Database

ROLES = frozenset({"agent", "admin"})
KEY_PREFIX = "kefu_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
# scrypt cost: 2**15 * 8 * 128 bytes = 32 MiB and ~0.1 s per check; OWASP's floor is 2**17
# at r=8 for 128 MiB machines, which a 2-core support box serving many logins cannot spare.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
_MIN_PASSWORD = 10


@dataclass(frozen=True)
class UserRecord:
    id: int
    name: str
    role: str
    created_at: datetime
    disabled: bool
    # Session tokens issued before this are refused (a password reset moved it); None: none are.
    sessions_after: datetime | None = None


@dataclass(frozen=True)
class ApiKeyRecord:
    id: int
    user: str
    prefix: str
    label: str
    created_at: datetime
    revoked_at: datetime | None


def hash_password(
    password: str, *, n: int = _SCRYPT_N, r: int = _SCRYPT_R, p: int = _SCRYPT_P
) -> str:
    """``scrypt$n$r$p$salt$hash``: the parameters travel with the hash so they can be raised."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, n, r, p)
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(got, expected)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=32
    )


@functools.cache
def _dummy_hash() -> str:
    """Checked when the user does not exist: a wrong name costs as long as a wrong password."""
    return hash_password("kefu-no-such-user")


def key_sha256(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(
            "a user name is 1-64 letters, digits or _.@- and starts with a letter or digit"
        )
    return name


def _check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < _MIN_PASSWORD:
        raise ValueError(f"a password must have at least {_MIN_PASSWORD} characters")
    if len(password) > 1024:
        raise ValueError("a password must have at most 1024 characters")
    return password


class UserRepository:
    """Create, find, disable and authenticate agents and admins."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, name: str, role: str, password: str | None = None) -> UserRecord:
        _check_name(name)
        if role not in ROLES:
            raise ValueError(f"role must be one of {sorted(ROLES)}, not {role!r}")
        hashed = hash_password(_check_password(password)) if password is not None else None
        self._db.migrate()
        with self._db.session(write=True) as s:
            existing = s.scalar(select(User).where(User.name == name))
            if existing is not None and existing.disabled:
                # Names stay reserved after removal (the audit trail names them): say so, and
                # how to bring the account back, rather than a bare "exists".
                raise StorageError(
                    f"a user named {name!r} already exists but was removed (disabled); the "
                    "name stays reserved for the audit trail: bring the account back with "
                    f"`kefu users enable {name}`, or choose another name"
                )
            if existing is not None:
                raise StorageError(
                    f"a user named {name!r} already exists; change it with `kefu users passwd` "
                    "or `kefu users role`"
                )
            user = User(
                name=name, role=role, password_hash=hashed, created_at=utcnow(), disabled=False
            )
            s.add(user)
            s.flush()
            return _record(user)

    def get(self, name: str) -> UserRecord:
        self._db.migrate()
        with self._db.session() as s:
            user = s.scalar(select(User).where(User.name == name))
            if user is None:
                raise NotFoundError(f"no user named {name!r}")
            return _record(user)

    def list(self) -> builtins.list[UserRecord]:
        self._db.migrate()
        with self._db.session() as s:
            return [_record(u) for u in s.scalars(select(User).order_by(User.name))]

    def remove(self, name: str) -> int:
        """Disable the user and revoke every key it has; the row stays for the audit trail.

        The conversations the user holds go back to the agents' queue in the same transaction
        (their customers would otherwise write to nobody), keeping their priority and how long
        they have waited. Returns how many went back.
        """
        self._db.migrate()
        now = utcnow()
        with self._db.session(write=True) as s:
            user = _find(s, name)
            if user.role == "admin" and not user.disabled:
                _keep_an_admin(s, user, "remove")
            user.disabled = True
            user.password_hash = None
            s.execute(
                update(ApiKey)
                .where(ApiKey.user_id == user.id, ApiKey.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            released = s.execute(
                update(Conversation)
                .where(Conversation.status == "agent", Conversation.assigned_agent == name)
                .values(
                    status="waiting",
                    assigned_agent=None,
                    # Taken from the queue: still has its time. Taken by an admin straight
                    # from the bot: waits from now.
                    waiting_since=func.coalesce(Conversation.waiting_since, now),
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            return int(released.rowcount)  # type: ignore[attr-defined]

    def set_password(self, name: str, password: str, *, revoke_keys: bool = False) -> int:
        """Set a new password and end every session signed in before now.

        A reset usually follows a leak or a departure, so the old sessions must not outlive
        it. API keys are separate credentials (often a script's): revoked only with
        ``revoke_keys``. Returns how many keys were revoked.
        """
        hashed = hash_password(_check_password(password))
        self._db.migrate()
        now = utcnow()
        with self._db.session(write=True) as s:
            user = _find(s, name)
            if user.disabled:
                raise StorageError(
                    f"the user {name!r} is disabled: `kefu users enable {name}` first"
                )
            user.password_hash = hashed
            user.sessions_after = now
            if not revoke_keys:
                return 0
            revoked = s.execute(
                update(ApiKey)
                .where(ApiKey.user_id == user.id, ApiKey.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            return int(revoked.rowcount)  # type: ignore[attr-defined]

    def set_role(self, name: str, role: str) -> str:
        """Change the user's role; returns the old one. The last enabled admin stays admin."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {sorted(ROLES)}, not {role!r}")
        self._db.migrate()
        with self._db.session(write=True) as s:
            user = _find(s, name)
            old = user.role
            if old == "admin" and role != "admin" and not user.disabled:
                _keep_an_admin(s, user, "demote")
            user.role = role
            return old

    def enable(self, name: str) -> None:
        """Bring back a removed user. It comes back with no password and no live API key
        (removal dropped both): set one with ``kefu users passwd`` or ``kefu users key``."""
        self._db.migrate()
        with self._db.session(write=True) as s:
            user = _find(s, name)
            if not user.disabled:
                raise StorageError(f"the user {name!r} is not disabled")
            user.disabled = False
            # Sessions from before the removal must not come back to life with the account.
            user.sessions_after = utcnow()

    def authenticate_password(self, name: str, password: str) -> UserRecord | None:
        """The user if the password is right and the account enabled; else None.

        Every failing path still runs one scrypt check, so timing does not tell which failed.
        """
        self._db.migrate()
        # No user name holds a control character (`_check_name`): one that does matches no
        # one, and is never sent to the database (PostgreSQL's driver refuses a NUL outright).
        plain = isinstance(name, str) and not any(c < " " or c == "\x7f" for c in name)
        with self._db.session() as s:
            user = s.scalar(select(User).where(User.name == name)) if plain else None
            record = _record(user) if user is not None else None
            stored = user.password_hash if user is not None else None
        ok = verify_password(password if isinstance(password, str) else "", stored or _dummy_hash())
        if record is None or stored is None or record.disabled or not ok:
            return None
        return record

    def create_api_key(self, name: str, label: str = "") -> str:
        """A new key for the user, returned once; only its sha256 is stored."""
        if len(label) > 100:
            raise ValueError("a key label must have at most 100 characters")
        key = KEY_PREFIX + secrets.token_urlsafe(32)  # 256 random bits
        self._db.migrate()
        with self._db.session(write=True) as s:
            user = s.scalar(select(User).where(User.name == name))
            if user is None:
                raise NotFoundError(f"no user named {name!r}")
            if user.disabled:
                raise StorageError(f"the user {name!r} is disabled")
            s.add(
                ApiKey(
                    user_id=user.id,
                    prefix=key[:13],
                    key_sha256=key_sha256(key),
                    label=label,
                    created_at=utcnow(),
                )
            )
        return key

    def api_keys(self, name: str | None = None) -> builtins.list[ApiKeyRecord]:
        self._db.migrate()
        query = select(ApiKey, User.name).join(User, User.id == ApiKey.user_id).order_by(ApiKey.id)
        if name is not None:
            query = query.where(User.name == name)
        with self._db.session() as s:
            return [
                ApiKeyRecord(k.id, uname, k.prefix, k.label, k.created_at, k.revoked_at)
                for k, uname in s.execute(query)
            ]

    def revoke_api_key(self, key_prefix_or_id: str) -> None:
        """Revoke by numeric id or by the key's first characters (which must match one key)."""
        ref = str(key_prefix_or_id).strip()
        self._db.migrate()
        with self._db.session(write=True) as s:
            if ref.isdigit():
                keys = list(s.scalars(select(ApiKey).where(ApiKey.id == int(ref))))
            elif len(ref) >= 8:
                keys = [k for k in s.scalars(select(ApiKey)) if k.prefix.startswith(ref[:13])]
                if len(ref) > 13:  # a whole key: match it exactly
                    keys = [k for k in keys if k.key_sha256 == key_sha256(ref)]
            else:
                raise ValueError("give a key id or at least 8 characters of the key")
            if not keys:
                raise NotFoundError(f"no API key matches {ref[:13]!r}")
            if len(keys) > 1:
                raise StorageError(f"{len(keys)} keys match {ref!r}: give the key id instead")
            if keys[0].revoked_at is None:
                keys[0].revoked_at = utcnow()

    def authenticate_key(self, key: str) -> UserRecord | None:
        """The key's user if the key is live and the user enabled; else None."""
        if not isinstance(key, str) or not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        # A lookup by the hash of a random 256-bit key leaks nothing useful through timing.
        digest = key_sha256(key)
        self._db.migrate()
        with self._db.session() as s:
            row = s.execute(
                select(User, ApiKey.revoked_at)
                .join(ApiKey, ApiKey.user_id == User.id)
                .where(ApiKey.key_sha256 == digest)
            ).first()
            if row is None:
                return None
            user, revoked_at = row
            if revoked_at is not None or user.disabled:
                return None
            return _record(user)

    # -- signed-out session tokens --------------------------------------------------------
    def revoke_session(self, token: str, expires_at: datetime) -> None:
        """Remember that a session token was signed out, until it would have expired."""
        digest = key_sha256(token)
        self._db.migrate()
        try:
            with self._db.session() as s:
                # Tokens past their expiry are refused anyway: forget them (keeps it small).
                s.execute(delete(RevokedSession).where(RevokedSession.expires_at < utcnow()))
                if s.get(RevokedSession, digest) is None:
                    s.add(RevokedSession(token_sha256=digest, expires_at=expires_at))
        except StorageError:
            # Signed out twice at once (two tabs): the other sign-out stored the same row.
            if not self.session_revoked(token):
                raise

    def session_revoked(self, token: str) -> bool:
        digest = key_sha256(token)
        self._db.migrate()
        with self._db.session() as s:
            return s.get(RevokedSession, digest) is not None


def _find(s: Any, name: str) -> User:
    user = s.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFoundError(f"no user named {name!r}")
    return cast(User, user)


def _keep_an_admin(s: Any, user: User, what: str) -> None:
    """Refuse to remove or demote the last enabled admin: nobody could run the dashboard,
    and only someone with shell access to the server could repair it."""
    others = s.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == "admin", User.disabled.is_(False), User.id != user.id)
    )
    if not others:
        raise StorageError(
            f"cannot {what} {user.name!r}: it is the last enabled admin; add or promote "
            "another admin first (kefu users add NAME --role admin, or kefu users role)"
        )


def _record(user: User) -> UserRecord:
    return UserRecord(
        id=user.id,
        name=user.name,
        role=user.role,
        created_at=user.created_at,
        disabled=bool(user.disabled),
        sessions_after=user.sessions_after,
    )
