"""Customer details (name, email, account number...) kept sealed under the customer's own key.

The details are one JSON object per customer, encrypted as a whole: nothing about a customer is
searchable in the database, and erasing the customer shreds the key that opens it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from kefu.errors import NotFoundError, StorageError
from kefu.storage.models import Customer, utcnow

if TYPE_CHECKING:
    from kefu.storage.db import Database


@dataclass(frozen=True)
class CustomerRecord:
    id: str
    details: dict[str, Any]
    created_at: datetime
    updated_at: datetime


def _check_id(customer_id: str) -> str:
    if not isinstance(customer_id, str) or not customer_id or len(customer_id) > 64:
        raise ValueError("a customer id must be a non-empty string of at most 64 characters")
    return customer_id


class CustomerRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, customer_id: str, details: dict[str, Any]) -> CustomerRecord:
        """Create or replace the customer's details."""
        _check_id(customer_id)
        try:
            plain = json.dumps(details, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise StorageError(f"customer details cannot be stored as JSON: {exc}") from exc
        if not isinstance(details, dict):
            raise ValueError("customer details must be a dict")
        self._db.migrate()
        sealed = self._db.seal(customer_id, plain)  # outside the session: may write a new key
        now = utcnow()
        with self._db.session(write=True) as s:
            row = s.get(Customer, customer_id)
            if row is None:
                row = Customer(id=customer_id, details=sealed, created_at=now, updated_at=now)
                s.add(row)
            else:
                row.details, row.updated_at = sealed, now
            s.flush()
            created, updated = row.created_at, row.updated_at
        return CustomerRecord(customer_id, json.loads(plain), created, updated)

    def get(self, customer_id: str) -> CustomerRecord:
        self._db.migrate()
        with self._db.session() as s:
            row = s.get(Customer, customer_id)
            if row is None:
                raise NotFoundError(f"no details are held for customer {customer_id!r}")
            stored, created, updated = row.details, row.created_at, row.updated_at
        details = json.loads(self._db.unseal(customer_id, stored))
        return CustomerRecord(customer_id, details, created, updated)

    def find(self, customer_id: str) -> CustomerRecord | None:
        try:
            return self.get(customer_id)
        except NotFoundError:
            return None

    def ids(self) -> list[str]:
        self._db.migrate()
        with self._db.session() as s:
            return list(s.scalars(select(Customer.id).order_by(Customer.id)))

    def delete(self, customer_id: str) -> bool:
        self._db.migrate()
        with self._db.session(write=True) as s:
            gone = s.execute(delete(Customer).where(Customer.id == customer_id))
            return bool(gone.rowcount)  # type: ignore[attr-defined]
