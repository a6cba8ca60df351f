"""The out-of-scope threshold is chosen on validation rows by the documented rule."""

from __future__ import annotations

import numpy as np
import pytest

from kefu.intents.oos import choose_threshold


def test_balanced_threshold_separates_confident_intents_from_unsure_oos() -> None:
    conf = np.array([0.95, 0.9, 0.85, 0.8, 0.3, 0.25, 0.2, 0.6])
    pred = ["a", "b", "a", "b", "a", "b", "a", "a"]
    gold = ["a", "b", "a", "b", "oos", "oos", "oos", "b"]  # last: a wrong in-scope answer
    choice = choose_threshold(conf, pred, gold, oos_label="oos")
    assert choice.method == "balanced"
    # Any threshold in (0.3, 0.8] catches every oos row and keeps the four right answers;
    # the lowest such candidate is 0.6 (the wrong answer, rejected at no cost), and the
    # threshold sits half way between it and the next lower confidence, 0.3.
    assert choice.threshold == pytest.approx(0.45)
    assert choice.oos_recall == 1.0
    assert choice.inscope_accuracy == pytest.approx(4 / 5)


def test_an_oos_prediction_counts_as_caught_even_above_the_threshold() -> None:
    conf = np.array([0.9, 0.9, 0.2])
    pred = ["a", "oos", "a"]
    gold = ["a", "oos", "oos"]
    choice = choose_threshold(conf, pred, gold, oos_label="oos")
    assert choice.oos_recall == 1.0 and choice.inscope_accuracy == 1.0
    assert 0.2 < choice.threshold <= 0.9


def test_without_oos_rows_the_threshold_is_the_reject_rate_quantile() -> None:
    conf = np.linspace(0.01, 1.0, 100)
    pred = gold = ["a"] * 100
    choice = choose_threshold(conf, pred, gold, oos_label="oos", reject_rate=0.05)
    assert choice.method == "quantile" and choice.oos_recall is None
    assert choice.threshold == pytest.approx(np.quantile(conf, 0.05))
    assert choice.inscope_accuracy == pytest.approx(0.95)
    assert choose_threshold(conf, pred, gold, oos_label="oos", reject_rate=0.0).threshold == 0.0
