"""The intent classifier learns intents from labelled text, rejects out-of-scope messages,
and survives a save/load round trip unchanged."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from kefu.errors import KefuError
from kefu.intents import persist
from kefu.intents.classifier import IntentClassifier, IntentConfig
from kefu.intents.features import Embeddings, prepare


def _train(
    data: tuple[list[str], list[str]], oos: list[str], emb: Embeddings | None
) -> IntentClassifier:
    texts, labels = data
    texts = texts + oos[:4]
    labels = labels + ["oos"] * 4
    config = IntentConfig(embedder="hashing" if emb else None)
    model = IntentClassifier(config, embeddings=emb)
    model.fit(texts, labels)
    return model


@pytest.mark.parametrize("with_embeddings", [False, True])
def test_learns_intents_and_rejects_out_of_scope(
    synthetic_data: tuple[list[str], list[str]],
    synthetic_test: tuple[list[str], list[str]],
    oos_texts: list[str],
    hashing_embeddings: Embeddings,
    with_embeddings: bool,
) -> None:
    model = _train(synthetic_data, oos_texts, hashing_embeddings if with_embeddings else None)
    texts, labels = synthetic_test
    predicted = [p.label for p in model.predict(texts)]
    accuracy = np.mean([p == g for p, g in zip(predicted, labels, strict=True)])
    assert accuracy >= 0.9, list(zip(texts, predicted, strict=True))
    # Out-of-scope messages it never saw in training (the last four) are rejected.
    unseen = model.predict(oos_texts[4:])
    assert sum(p.out_of_scope for p in unseen) >= 3, unseen
    assert all(p.label == "oos" for p in unseen if p.out_of_scope)
    assert model.report is not None and model.report.threshold_method == "recall"
    assert set(model.classes) == {"card_arrival", "reset_password", "refund_status", "退货", "oos"}


def test_chinese_intent_is_recognised(
    synthetic_data: tuple[list[str], list[str]], oos_texts: list[str]
) -> None:
    model = _train(synthetic_data, oos_texts, None)
    p = model.predict_one("请问怎么退货")
    assert p.intent == "退货" and not p.out_of_scope
    assert p.top[0][0] == "退货" and 0.0 < p.top[0][1] <= 1.0


def test_without_out_of_scope_examples_the_threshold_is_a_quantile(
    synthetic_data: tuple[list[str], list[str]],
) -> None:
    model = IntentClassifier(IntentConfig(embedder=None, reject_rate=0.05))
    report = model.fit(*synthetic_data)
    assert report.threshold_method == "quantile"
    assert report.val_oos_recall is None
    assert 0.0 < model.threshold < 1.0


def test_a_given_validation_set_chooses_the_threshold(
    synthetic_data: tuple[list[str], list[str]],
    synthetic_test: tuple[list[str], list[str]],
    oos_texts: list[str],
) -> None:
    texts, labels = synthetic_test
    model = IntentClassifier(IntentConfig(embedder=None))
    report = model.fit(
        *synthetic_data, val_texts=texts + oos_texts, val_labels=labels + ["oos"] * len(oos_texts)
    )
    # Trained without any out-of-scope class, it still rejects them by the threshold.
    assert report.n_train == len(synthetic_data[0])
    assert report.val_oos_recall is not None and report.val_oos_recall >= 0.75
    assert "oos" not in model.classes


def test_save_and_load_round_trip(
    tmp_path: Path,
    synthetic_data: tuple[list[str], list[str]],
    oos_texts: list[str],
    hashing_embeddings: Embeddings,
) -> None:
    model = _train(synthetic_data, oos_texts, hashing_embeddings)
    persist.save(model, tmp_path / "model")
    assert {p.name for p in (tmp_path / "model").iterdir()} == {"intents.json", "intents.npz"}
    loaded = persist.load(tmp_path / "model")
    loaded._embeddings = hashing_embeddings  # the saved config names "hashing"; reuse the cache
    texts = synthetic_data[0][:20] + oos_texts
    np.testing.assert_allclose(loaded.probabilities(texts), model.probabilities(texts), atol=1e-6)
    assert loaded.threshold == model.threshold and loaded.classes == model.classes
    assert [p.label for p in loaded.predict(texts)] == [p.label for p in model.predict(texts)]


def test_load_refuses_a_folder_without_a_model(tmp_path: Path) -> None:
    with pytest.raises(KefuError, match="no trained intent classifier"):
        persist.load(tmp_path)


def test_training_needs_two_intents() -> None:
    with pytest.raises(KefuError, match="two intents"):
        IntentClassifier(IntentConfig(embedder=None)).fit(["a", "b"], ["x", "x"])


def test_untrained_model_says_so() -> None:
    with pytest.raises(KefuError, match="not trained"):
        IntentClassifier(IntentConfig(embedder=None)).predict(["hello"])


def test_prediction_is_fast(
    synthetic_data: tuple[list[str], list[str]], oos_texts: list[str]
) -> None:
    model = _train(synthetic_data, oos_texts, None)
    model.predict_one("warm up")
    # CPU time, not wall time: other work on a shared CI machine must not fail this test.
    timings = []
    for text in synthetic_data[0][:50]:
        started = time.process_time()
        model.predict_one(text)
        timings.append(time.process_time() - started)
    per_message_ms = float(np.median(timings)) * 1000
    assert per_message_ms < 5.0  # the budget, with n-grams only


def test_fast_tfidf_equals_scikit_learn(synthetic_data: tuple[list[str], list[str]]) -> None:
    from kefu.intents.features import FastTfidf, ngram_vectorizers

    texts = synthetic_data[0]
    unseen = ["Where is my CARD?? 卡在哪里", "", "zzz qqq"]
    for vectorizer in ngram_vectorizers():
        vectorizer.fit(texts)
        ours = FastTfidf(vectorizer).transform(texts[:10] + unseen).toarray()
        theirs = vectorizer.transform(texts[:10] + unseen).toarray()
        np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-9)


def test_two_intents_work_and_match_scikit_learns_probabilities(
    tmp_path: Path, two_intents: tuple[list[str], list[str]]
) -> None:
    """scikit-learn stores a two-class model as one row; kefu's scoring must agree with it."""
    from sklearn.linear_model import LogisticRegression

    texts, labels = two_intents
    model = IntentClassifier(IntentConfig(embedder=None))
    model.fit(texts, labels)
    probe = ["where is my refund", "can i speak to a human please"]
    p = model.probabilities(probe)
    assert p.shape == (2, 2)
    assert [model.classes[i] for i in p.argmax(axis=1)] == ["refund", "person"]
    reference = LogisticRegression(
        C=model.config.c, max_iter=model.config.max_iter, random_state=model.config.seed
    ).fit(model._features([prepare(t) for t in texts], None), labels)
    expected = reference.predict_proba(model._features([prepare(t) for t in probe], None))
    np.testing.assert_allclose(p, expected, atol=1e-4)
    persist.save(model, tmp_path / "two")
    np.testing.assert_allclose(persist.load(tmp_path / "two").probabilities(probe), p, atol=1e-6)
