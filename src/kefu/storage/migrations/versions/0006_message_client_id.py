"""A customer message's client id: the sender's own name for it, so a send repeated after a
reload finds the stored turn instead of asking the question twice.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

Unique per conversation; NULL (no client id given) repeats freely on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # batch mode: SQLite adds the column with ALTER TABLE, and the index after it.
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("client_id", sa.String(length=64), nullable=True))
    op.create_index(
        "ux_messages_conversation_id_client_id",
        "messages",
        ["conversation_id", "client_id"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("ux_messages_conversation_id_client_id", table_name="messages")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("client_id")
