"""SupportRepository: feedback checks and who holds a conversation."""

from __future__ import annotations

import pytest

from kefu.errors import NotFoundError
from kefu.storage.analytics_repo import AnalyticsRepository
from kefu.storage.conversation_repo import ConversationRepository
from kefu.storage.db import Database
from kefu.storage.support_repo import SupportRepository


@pytest.mark.parametrize("message_id", [2**63, -(2**63) - 1, 2**31, 0])
def test_feedback_on_an_id_no_row_can_have_is_not_found(db: Database, message_id: int) -> None:
    # Not an OverflowError from the driver: such an id names no message.
    cid = ConversationRepository(db).create(channel="api").id
    with pytest.raises(NotFoundError):
        SupportRepository(db).add_feedback(cid, kind="thumb", value=1, message_id=message_id)


def test_a_second_rating_replaces_the_first(db: Database) -> None:
    conversations = ConversationRepository(db)
    cid = conversations.create(channel="api").id
    repo = SupportRepository(db)
    first = repo.add_feedback(cid, kind="rating", value=5)
    second = repo.add_feedback(cid, kind="rating", value=1, comment="slow")
    assert second.id == first.id
    assert [(f.kind, f.value, f.comment) for f in repo.feedback(cid)] == [("rating", 1, "slow")]
    assert conversations.get(cid).rating == 1
    assert AnalyticsRepository(db).analytics(days=1)["ratings"] == {"1": 1}
