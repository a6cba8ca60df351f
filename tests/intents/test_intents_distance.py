"""The out-of-scope distance: the whitened computation equals the textbook Mahalanobis
distance, the score standardises both signals, and a classifier that uses it saves, loads and
rejects by it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kefu.intents import persist
from kefu.intents.classifier import IntentClassifier, IntentConfig
from kefu.intents.distance import RIDGE, IntentDistance, ScoreScale
from kefu.intents.features import Embeddings
from kefu.intents.oos import OosScore


def _clusters(seed: int = 0) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(3, 6))
    x = np.concatenate([c + 0.3 * rng.normal(size=(40, 6)) for c in centres])
    labels = [name for name in ("a", "b", "c") for _ in range(40)]
    oos = rng.normal(size=(5, 6)) * 3
    return np.concatenate([x, oos]), labels + ["oos"] * 5


def test_distance_is_the_mahalanobis_distance_to_the_nearest_intent() -> None:
    x, labels = _clusters()
    dist = IntentDistance.fit(x, labels, skip="oos")
    y = np.asarray(labels)
    names = ["a", "b", "c"]
    means = np.stack([x[y == n].mean(axis=0) for n in names])
    inscope = y != "oos"
    centred = x[inscope] - means[[names.index(n) for n in y[inscope]]]
    precision = np.linalg.inv(centred.T @ centred / len(centred) + RIDGE * np.eye(6))
    queries = np.random.default_rng(1).normal(size=(7, 6))
    expected = [min((q - m) @ precision @ (q - m) for m in means) for q in queries]
    np.testing.assert_allclose(dist(queries), expected, rtol=1e-4)
    # The out-of-scope rows took no part: a class mean far off would pull nothing.
    assert dist.means.shape == (3, 6)


def test_far_rows_score_lower_than_near_ones() -> None:
    x, labels = _clusters()
    dist = IntentDistance.fit(x, labels, skip="oos")
    d = dist(x)
    inscope = np.asarray(labels) != "oos"
    assert d[~inscope].min() > np.median(d[inscope])
    best_p = np.full(len(x), 0.9)  # the same probability everywhere: only distance differs
    scale = ScoreScale.fit(best_p[inscope], d[inscope])
    score = scale.score(best_p, d)
    assert score[~inscope].max() < np.median(score[inscope])
    # On the rows it was fitted on, the distance part has mean 0 and spread 1.
    z = (d[inscope] - scale.dist_mean) / scale.dist_std
    assert abs(z.mean()) < 1e-9 and abs(z.std() - 1) < 1e-9
    assert scale.logp_std == 1.0  # a constant probability has no spread to divide by


def _fit(
    data: tuple[list[str], list[str]], oos: list[str], emb: Embeddings, score: OosScore
) -> IntentClassifier:
    texts, labels = data
    model = IntentClassifier(IntentConfig(embedder="hashing", oos_score=score), embeddings=emb)
    model.fit(texts + oos[:4], labels + ["oos"] * 4)
    return model


def test_the_classifier_thresholds_the_combined_score(
    synthetic_data: tuple[list[str], list[str]],
    oos_texts: list[str],
    hashing_embeddings: Embeddings,
) -> None:
    model = _fit(synthetic_data, oos_texts, hashing_embeddings, "distance")
    assert model.distance is not None and model.scale is not None
    predictions = model.predict(synthetic_data[0][:30] + oos_texts)
    for p in predictions:
        if p.label != "oos" or p.top[0][0] != "oos":
            # Rejected exactly when the model says oos or the score is under the threshold.
            assert p.out_of_scope == (p.score < model.threshold)
    plain = _fit(synthetic_data, oos_texts, hashing_embeddings, "probability")
    assert plain.distance is None
    assert all(p.score == pytest.approx(p.confidence) for p in plain.predict(oos_texts))


def test_without_embeddings_the_threshold_stays_a_probability(
    synthetic_data: tuple[list[str], list[str]], oos_texts: list[str]
) -> None:
    model = IntentClassifier(IntentConfig(embedder=None))
    model.fit(*synthetic_data)
    assert model.distance is None and model.scale is None
    assert 0.0 < model.threshold < 1.0


def test_round_trip_keeps_the_scores_and_an_older_model_loads(
    tmp_path: Path,
    synthetic_data: tuple[list[str], list[str]],
    oos_texts: list[str],
    hashing_embeddings: Embeddings,
) -> None:
    model = _fit(synthetic_data, oos_texts, hashing_embeddings, "distance")
    folder = persist.save(model, tmp_path / "model")
    loaded = persist.load(folder)
    loaded._embeddings = hashing_embeddings
    texts = synthetic_data[0][:10] + oos_texts
    np.testing.assert_allclose(
        [p.score for p in loaded.predict(texts)], [p.score for p in model.predict(texts)], atol=1e-5
    )
    # A folder written before distances existed: no arrays, no scale; it keeps working on
    # the probability alone.
    meta = json.loads((folder / "intents.json").read_text("utf-8"))
    meta.pop("score_scale")
    del meta["config"]["oos_score"]
    (folder / "intents.json").write_text(json.dumps(meta), "utf-8")
    with np.load(folder / "intents.npz") as arrays:
        kept = {k: arrays[k] for k in arrays.files if not k.startswith("distance_")}
    np.savez(folder / "intents.npz", **kept)
    old = persist.load(folder)
    old._embeddings = hashing_embeddings
    assert old.distance is None
    assert all(p.score == pytest.approx(p.confidence) for p in old.predict(texts))
