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


def _measures(t: float, conf: np.ndarray, pred: list[str], gold: list[str]) -> tuple[float, float]:
    """In-scope accuracy and out-of-scope recall at threshold t, row by row (the reference)."""
    inscope = [i for i, g in enumerate(gold) if g != "oos"]
    oos = [i for i, g in enumerate(gold) if g == "oos"]
    acc = sum(conf[i] >= t and pred[i] == gold[i] for i in inscope) / len(inscope)
    rec = sum(conf[i] < t or pred[i] == "oos" for i in oos) / len(oos)
    return acc, rec


def _random_rows(seed: int, n_in: int = 300, n_oos: int = 25) -> tuple[np.ndarray, list, list]:
    rng = np.random.default_rng(seed)
    # In-scope confidences skew high, out-of-scope low, with overlap; some wrong intents and a
    # few rows the model itself calls oos.
    conf = np.round(np.concatenate([rng.beta(5, 2, n_in), rng.beta(2, 4, n_oos)]), 3)
    gold = ["a"] * (n_in // 2) + ["b"] * (n_in - n_in // 2) + ["oos"] * n_oos
    pred = [g if g == "oos" or rng.random() > 0.1 else ("b" if g == "a" else "a") for g in gold]
    pred = [
        ("oos" if g == "oos" and rng.random() < 0.2 else p) for p, g in zip(pred, gold, strict=True)
    ]
    pred = [
        ("a" if p == "oos" and g == "oos" and c > 0.9 else p)
        for p, g, c in zip(pred, gold, conf, strict=True)
    ]
    return conf, pred, gold


@pytest.mark.parametrize("seed", range(5))
def test_recall_rule_is_the_lowest_threshold_reaching_the_target(seed: int) -> None:
    conf, pred, gold = _random_rows(seed)
    choice = choose_threshold(conf, pred, gold, oos_label="oos", rule="recall", target_recall=0.8)
    assert choice.method == "recall"
    acc, rec = _measures(choice.threshold, conf, pred, gold)
    assert rec >= 0.8 and (acc, rec) == pytest.approx((choice.inscope_accuracy, choice.oos_recall))
    # Every lower threshold that keeps more rows misses the target.
    for t in sorted(set(conf.tolist()) | {0.0}):
        if t < choice.threshold:
            assert _measures(t, conf, pred, gold)[1] < 0.8, t


@pytest.mark.parametrize("seed", range(5))
def test_balanced_rule_maximises_accuracy_plus_recall(seed: int) -> None:
    conf, pred, gold = _random_rows(seed)
    choice = choose_threshold(conf, pred, gold, oos_label="oos", rule="balanced")
    acc, rec = _measures(choice.threshold, conf, pred, gold)
    best = max(sum(_measures(t, conf, pred, gold)) for t in set(conf.tolist()) | {0.0})
    assert acc + rec == pytest.approx(best)
    assert (acc, rec) == pytest.approx((choice.inscope_accuracy, choice.oos_recall))


def test_recall_rule_rejects_fewer_in_scope_messages_than_balanced_with_few_oos_rows() -> None:
    # 1,000 in-scope rows, all right: 950 sure (0.8-1), a tail of 50 unsure (0.3-0.79); 10 oos
    # rows, four of them among the unsure in-scope ones.
    inscope = np.concatenate([np.linspace(0.8, 1.0, 950), np.linspace(0.3, 0.79, 50)])
    oos = [0.1, 0.15, 0.2, 0.22, 0.25, 0.28, 0.4, 0.45, 0.6, 0.7]
    conf = np.concatenate([inscope, oos])
    gold = ["a"] * 1000 + ["oos"] * 10
    pred = ["a"] * 1010
    balanced = choose_threshold(conf, pred, gold, oos_label="oos")
    recall = choose_threshold(conf, pred, gold, oos_label="oos", rule="recall", target_recall=0.8)
    # An oos row weighs as much as 100 in-scope ones, so balanced rejects the tail up to 0.7 to
    # catch them all; the recall rule stops at the eighth oos row (0.45).
    assert balanced.oos_recall == 1.0 and balanced.threshold > 0.7
    assert recall.oos_recall == pytest.approx(0.8) and 0.45 < recall.threshold < 0.47
    assert recall.inscope_accuracy > balanced.inscope_accuracy + 0.02


def test_an_unreachable_target_gives_the_highest_recall() -> None:
    conf = np.array([0.9, 0.8, 0.3, 0.95])
    pred = ["a", "a", "a", "a"]
    gold = ["a", "a", "oos", "oos"]  # the second oos row is the most confident of all
    choice = choose_threshold(conf, pred, gold, oos_label="oos", rule="recall", target_recall=0.9)
    assert choice.oos_recall == 0.5
    assert 0.3 < choice.threshold <= 0.8  # the lowest threshold of that recall


def test_an_unknown_rule_is_refused() -> None:
    from kefu.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown out-of-scope rule"):
        choose_threshold(np.array([0.5, 0.2]), ["a", "a"], ["a", "oos"], oos_label="oos", rule="x")  # type: ignore[arg-type]
