"""A user's ``sessions_after``: session tokens issued before it are refused.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

Session tokens are stateless (signed, 12 hours), so a password reset (`kefu users passwd`)
cannot list and revoke them one by one: it moves this time forward instead, which ends
every session signed in with the old password at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("sessions_after", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("sessions_after")
