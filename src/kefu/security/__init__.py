"""Security and privacy: encryption at rest, staff users, the audit log, data-subject duties.

Importing this package is cheap; each name below is imported from its module on first use::

    from kefu.security import open_database, AuditLog, Privacy, UserRepository

    db = open_database(settings)          # a Database whose text is sealed with AES-GCM
    UserRepository(db).authenticate_key(key)
    Privacy(db).export_customer("cust-42", actor="alice", role="admin")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "AuditLog",
    "AuditRecord",
    "CustomerRecord",
    "CustomerRepository",
    "EncryptionError",
    "EnvelopeCipher",
    "ErasureSummary",
    "Privacy",
    "PurgeSummary",
    "ShreddedError",
    "UserRecord",
    "UserRepository",
    "cipher_from_settings",
    "open_database",
    "rotate_master_key",
]

if TYPE_CHECKING:
    from kefu.security.audit import AuditLog, AuditRecord
    from kefu.security.crypto import (
        EncryptionError,
        EnvelopeCipher,
        ShreddedError,
        cipher_from_settings,
        open_database,
    )
    from kefu.security.customers import CustomerRecord, CustomerRepository
    from kefu.security.keys import rotate_master_key
    from kefu.security.privacy import ErasureSummary, Privacy, PurgeSummary
    from kefu.security.users import UserRecord, UserRepository

_LAZY = {
    "AuditLog": "kefu.security.audit",
    "AuditRecord": "kefu.security.audit",
    "CustomerRecord": "kefu.security.customers",
    "CustomerRepository": "kefu.security.customers",
    "EncryptionError": "kefu.security.crypto",
    "EnvelopeCipher": "kefu.security.crypto",
    "ShreddedError": "kefu.security.crypto",
    "cipher_from_settings": "kefu.security.crypto",
    "open_database": "kefu.security.crypto",
    "ErasureSummary": "kefu.security.privacy",
    "Privacy": "kefu.security.privacy",
    "PurgeSummary": "kefu.security.privacy",
    "UserRecord": "kefu.security.users",
    "UserRepository": "kefu.security.users",
    "rotate_master_key": "kefu.security.keys",
}


def __getattr__(name: str) -> Any:
    # PEP 562: the repositories import SQLAlchemy, which `import kefu.security` must not.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kefu.security' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
