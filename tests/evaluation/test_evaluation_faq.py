"""FAQ metrics computed by hand on small result sets."""

from __future__ import annotations

import pytest

from kefu.evaluation.faq import Query, QueryResult, summarize


def _r(expected: str | None, ranked: list[str], conf: float, lang: str = "en") -> QueryResult:
    return QueryResult(Query("q", expected, lang), ranked, conf, {})


def test_metrics_by_hand() -> None:
    results = [
        _r("a", ["a", "b"], 0.9),  # rank 1, answered correctly
        _r("b", ["a", "b"], 0.8),  # rank 2, answered wrongly (top is a)
        _r("c", ["x", "y", "z", "w", "v", "c"], 0.1),  # rank 6, declined
        _r(None, ["a"], 0.2),  # unanswerable, declined
        _r(None, ["b"], 0.95, "zh"),  # unanswerable, answered
    ]
    m = summarize(results, threshold=0.5)
    o = m["overall"]
    assert o["recall@1"] == pytest.approx(1 / 3, abs=1e-4)
    assert o["recall@5"] == pytest.approx(2 / 3, abs=1e-4)
    assert o["mrr"] == pytest.approx((1 + 1 / 2 + 1 / 6) / 3, abs=1e-4)
    assert o["answered_correct"] == pytest.approx(1 / 3, abs=1e-4)
    assert o["answered_wrong"] == pytest.approx(1 / 3, abs=1e-4)
    assert o["decline_recall"] == 0.5  # one of two unanswerable declined
    assert o["decline_precision"] == 0.5  # declined: one unanswerable, one answerable
    assert m["zh"]["unanswerable"] == 1 and m["en"]["queries"] == 4
