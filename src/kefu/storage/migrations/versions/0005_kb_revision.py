"""The knowledge base's revision: a counter every change to the knowledge raises.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

A running server reads it every few seconds (one row) to learn that another process (`kefu
kb add` or `kb remove`, another server) changed the knowledge, and reloads its index then.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    table = op.create_table(
        "kb_revision",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kb_revision"),
    )
    op.bulk_insert(table, [{"id": 1, "revision": 0}])


def downgrade() -> None:
    op.drop_table("kb_revision")
