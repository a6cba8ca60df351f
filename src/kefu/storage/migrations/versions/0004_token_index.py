"""An index on the customers' token hashes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

The service tells a customer's token used on a staff route (403, the wrong role) from a bad
credential (401) by looking the hash up; without an index that lookup scans every
conversation, which anyone holding a random token-shaped string could make it do.
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_conversations_token_sha256", "conversations", ["token_sha256"])


def downgrade() -> None:
    op.drop_index("ix_conversations_token_sha256", table_name="conversations")
