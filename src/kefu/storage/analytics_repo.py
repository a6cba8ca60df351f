"""The admin dashboard's numbers: conversations, hand-overs, feedback, latency, and the
questions the bot could not answer (the knowledge gaps). Read-only over what
`kefu.storage.support_repo` and `kefu.storage.conversation_repo` write.
"""

from __future__ import annotations

import builtins
import math
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from kefu.storage.models import Conversation, Feedback, Message, utcnow

if TYPE_CHECKING:
    from kefu.storage.db import Database

# Conversations handed over for these reasons hold no knowledge gaps (`knowledge_gaps`).
_NOT_GAPS = ("emergency", "safety", "threat", "safeguarding", "misconduct", "romance_scam")


class AnalyticsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def analytics(self, *, days: int = 30, now: datetime | None = None) -> dict[str, Any]:
        """The admin dashboard's numbers over the last ``days`` days (UTC).

        Of the conversations started in the period, ``handoff_rate`` is the share handed to a
        person (the customer asked, an emergency, answers that did not help, or a person took
        it over) and ``resolution_rate`` the rest, which the bot handled alone: the two add up
        to 1. ``answered_by_person`` counts the handed ones a person wrote in; the others
        waited, or the customer left first.
        """
        if days < 1 or days > 3660:
            raise ValueError("days must be between 1 and 3660")
        end = now or utcnow()
        start = end - timedelta(days=days)
        self._db.migrate()
        with self._db.session() as s:
            convs = list(s.scalars(select(Conversation).where(Conversation.created_at >= start)))
            ids = [c.id for c in convs]
            with_agent = set(
                s.scalars(
                    select(Message.conversation_id)
                    .where(Message.role == "agent", Message.created_at >= start)
                    .distinct()
                )
            )
            answers = list(
                s.execute(
                    select(Message.latency_ms, Message.handoff).where(
                        Message.role == "assistant", Message.created_at >= start
                    )
                )
            )
            thumbs = dict(
                s.execute(
                    select(Feedback.value, func.count())
                    .where(Feedback.kind == "thumb", Feedback.created_at >= start)
                    .group_by(Feedback.value)
                ).all()
            )
            ratings = [c.rating for c in convs if c.rating is not None]
        per_day = Counter(c.created_at.date().isoformat() for c in convs)
        day_list = [(start + timedelta(days=i + 1)).date().isoformat() for i in range(days)]
        answered = with_agent & set(ids)
        handed = [
            c
            for c in convs
            if c.handoff_reason is not None or c.id in answered or c.status == "agent"
        ]
        latencies = sorted(float(ms) for ms, _ in answers if ms is not None)
        total = len(convs)
        return {
            "days": days,
            "conversations": total,
            "per_day": [{"day": d, "count": per_day.get(d, 0)} for d in day_list],
            "resolution_rate": _share(total - len(handed), total),
            "handoff_rate": _share(len(handed), total),
            "answered_by_person": len(answered),
            "handoff_reasons": dict(
                Counter(c.handoff_reason for c in handed if c.handoff_reason is not None)
            ),
            "answers": len(answers),
            "declined_answers": sum(1 for _, h in answers if h),
            "thumbs_up": int(thumbs.get(1, 0)),
            "thumbs_down": int(thumbs.get(-1, 0)),
            "rating_avg": (sum(ratings) / len(ratings)) if ratings else None,
            "ratings": {str(k): v for k, v in sorted(Counter(ratings).items())},
            "latency_ms_p50": _percentile(latencies, 50),
            "latency_ms_p95": _percentile(latencies, 95),
            "status": dict(Counter(c.status for c in convs)),
        }

    def knowledge_gaps(
        self,
        *,
        days: int = 30,
        limit: int = 10,
        now: datetime | None = None,
        skip: Callable[[str], bool] | None = None,
    ) -> tuple[builtins.list[dict[str, Any]], int]:
        """The customer questions the bot declined most often: the knowledge gaps to fill, the
        ``limit`` most frequent first, and how many distinct ones there are in all (so a
        dashboard knows whether to offer more).

        Grouped by the text as typed (normalised for case and spacing). ``skip(text)`` True
        leaves a question out: one the bot was right not to answer, such as a request for a
        person, is no gap in the knowledge. So is a turn that answered and still called a
        person (an emergency entry), and any in a conversation handed over for an emergency or
        a refusal on principle: what was said there is no gap either, and it is often what
        the dashboard should show least (a disclosure of violence, a health condition).
        """
        start = (now or utcnow()) - timedelta(days=days)
        self._db.migrate()
        with self._db.session() as s:
            declined = list(
                s.execute(
                    select(Message.conversation_id, Message.id)
                    .join(Conversation, Conversation.id == Message.conversation_id)
                    .where(
                        Message.role == "assistant",
                        Message.handoff.is_(True),
                        Message.mode == "declined",
                        Message.created_at >= start,
                        or_(
                            Conversation.handoff_reason.is_(None),
                            Conversation.handoff_reason.not_in(_NOT_GAPS),
                        ),
                    )
                    .order_by(Message.id.desc())
                    .limit(2000)
                )
            )
            counts: Counter[str] = Counter()
            example: dict[str, str] = {}
            owners: dict[str, str] = {}
            for cid, mid in declined:
                question = s.execute(
                    select(Message.content)
                    .where(
                        Message.conversation_id == cid,
                        Message.id < mid,
                        Message.role == "user",
                    )
                    .order_by(Message.id.desc())
                    .limit(1)
                ).scalar()
                if question is None:
                    continue
                if cid not in owners:
                    conv = s.get(Conversation, cid)
                    owners[cid] = (conv.customer_id or cid) if conv else cid
                text = self._db.unseal(owners[cid], question)
                if skip is not None and skip(text):
                    continue
                key = " ".join(text.casefold().split())
                counts[key] += 1
                example.setdefault(key, text)
        top = [{"question": example[k], "count": n} for k, n in counts.most_common(limit)]
        return top, len(counts)


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def _percentile(values: builtins.list[float], q: float) -> float | None:
    """Nearest-rank percentile of sorted values."""
    if not values:
        return None
    rank = max(1, math.ceil(q / 100 * len(values)))
    return values[rank - 1]
