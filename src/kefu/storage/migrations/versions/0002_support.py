"""Live support: conversation ownership and queue fields, and customer feedback.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

The customer token's hash moves from the conversation's JSON ``meta`` into its own indexed
column, so exports of ``meta`` can never carry it and lookups need no JSON functions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_TOKEN_META_KEY = "token_sha256"


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("token_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("customer_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("assigned_agent", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("handoff_reason", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("priority", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("failed_answers", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("rating", sa.Integer(), nullable=True))
    op.create_index("ix_conversations_status_priority", "conversations", ["status", "priority"])
    op.create_index("ix_conversations_customer_id", "conversations", ["customer_id"])

    # Move token hashes out of meta (done in Python: JSON functions differ between backends).
    conn = op.get_bind()
    table = sa.table(
        "conversations",
        sa.column("id", sa.String),
        sa.column("meta", sa.JSON),
        sa.column("token_sha256", sa.String),
    )
    for cid, meta in conn.execute(sa.select(table.c.id, table.c.meta)).all():
        if isinstance(meta, dict) and isinstance(meta.get(_TOKEN_META_KEY), str):
            rest = {k: v for k, v in meta.items() if k != _TOKEN_META_KEY}
            conn.execute(
                table.update()
                .where(table.c.id == cid)
                .values(token_sha256=meta[_TOKEN_META_KEY], meta=rest)
            )

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="fk_feedback_conversation_id_conversations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name="fk_feedback_message_id_messages",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_feedback_conversation_id", "feedback", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_feedback_conversation_id", table_name="feedback")
    op.drop_table("feedback")
    op.drop_index("ix_conversations_customer_id", table_name="conversations")
    op.drop_index("ix_conversations_status_priority", table_name="conversations")
    with op.batch_alter_table("conversations") as batch:
        for name in (
            "rating",
            "failed_answers",
            "waiting_since",
            "priority",
            "handoff_reason",
            "assigned_agent",
            "customer_id",
            "token_sha256",
        ):
            batch.drop_column(name)
