"""scripts/calibrate.py's threshold choice, on synthetic dev runs whose answer is known.

Each run has answerable questions whose top entry is right and unanswerable ones; one
feature (dense_top) carries the evidence. In the "+holes" runs the unanswerable questions
score close to answerable ones (near misses), so only a high threshold declines them.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kefu.evaluation.faq import Query, QueryResult
from kefu.retrieval.features import FEATURE_NAMES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "calibrate.py"


@pytest.fixture(scope="module")
def calibrate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kefu_calibrate_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _result(rng: random.Random, n: int, answerable: bool, score: float) -> QueryResult:
    features = dict.fromkeys(FEATURE_NAMES, 0.0)
    features["dense_top"] = rng.gauss(score, 0.1)
    query = Query(f"q{n}", "e1" if answerable else None, "en")
    return QueryResult(query, ["e1"], 0.0, features)


def _runs(seed: int = 0) -> dict[str, list[QueryResult]]:
    rng = random.Random(seed)
    runs = {}
    for name in ("a.en", "b.en", "c.zh"):
        whole = [_result(rng, i, True, 0.75) for i in range(60)]
        whole += [_result(rng, 100 + i, False, 0.3) for i in range(40)]
        holes = [_result(rng, i, True, 0.75) for i in range(40)]
        holes += [_result(rng, 200 + i, False, 0.55) for i in range(20)]
        runs[name], runs[f"{name}+holes"] = whole, holes
    return runs


def test_default_threshold_maximises_the_objective_and_leaves_near_misses(
    calibrate: ModuleType,
) -> None:
    model, metrics, curve = calibrate.fit(_runs(), 0.0)
    assert [p["threshold"] for p in curve] == sorted(p["threshold"] for p in curve)
    assert metrics["a.en"]["decline_recall"] >= 0.95
    # The objective is fitted on whole-FAQ runs, where the far misses are easy.
    assert min(metrics[n]["decline_recall"] for n in metrics if "+holes" in n) < 0.9
    chosen = next(p for p in curve if p["threshold"] == model.threshold)
    assert chosen["decline_recall"] < 0.9


def test_min_decline_buys_the_service_level_with_answered_questions(
    calibrate: ModuleType,
) -> None:
    runs = _runs()
    base, _, _ = calibrate.fit(runs, 0.0)
    strict, _, curve = calibrate.fit(runs, 0.9)
    assert strict.threshold > base.threshold
    chosen = next(p for p in curve if p["threshold"] == strict.threshold)
    assert chosen["decline_recall"] >= 0.9
    lower = [p for p in curve if p["threshold"] < strict.threshold]
    # The lowest threshold that meets the level: the objective prefers answering.
    assert lower and lower[-1]["decline_recall"] < 0.9
    before = next(p for p in curve if p["threshold"] == base.threshold)
    assert chosen["answered_correct"] < before["answered_correct"]


def test_an_unreachable_level_takes_the_threshold_that_declines_most(
    calibrate: ModuleType,
) -> None:
    model, _, curve = calibrate.fit(_runs(), 1.01)
    assert model.threshold == max(curve, key=lambda p: p["decline_recall"])["threshold"]
