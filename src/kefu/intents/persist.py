"""Save and load a trained intent classifier as JSON + .npz (no pickle: a model folder from
someone else can be read without running their code).

``<dir>/intents.json``: format version, config, classes, threshold, fit report, the n-gram
vocabularies and the out-of-scope score's scale; ``<dir>/intents.npz``: coef (n_classes,
n_features), intercept, one idf array per vectoriser, and where the threshold uses distances
(distance.py) the whitening matrix and whitened class means. A model saved before distances
existed has neither and keeps its probability threshold.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from kefu.errors import KefuError
from kefu.intents.classifier import FitReport, IntentClassifier, IntentConfig
from kefu.intents.distance import IntentDistance, ScoreScale

FORMAT = "kefu-intents/1"
_VECTORIZER_PARAMS = (
    "analyzer",
    "ngram_range",
    "sublinear_tf",
    "min_df",
    "token_pattern",
    "lowercase",
    "max_features",
)


def save(model: IntentClassifier, folder: Path) -> Path:
    import numpy as np

    if model.coef is None or model.intercept is None:
        raise KefuError("nothing to save: the intent classifier is not trained")
    folder.mkdir(parents=True, exist_ok=True)
    vectorizers = []
    arrays: dict[str, Any] = {"coef": model.coef, "intercept": model.intercept}
    if model.distance is not None and model.scale is not None:
        arrays["distance_whiten"] = model.distance.whiten
        arrays["distance_means"] = model.distance.means
    for n, v in enumerate(model.vectorizers):
        params = {k: v.get_params()[k] for k in _VECTORIZER_PARAMS}
        # JSON has no int64; the vocabulary maps n-gram -> column.
        vocab = {term: int(col) for term, col in v.vocabulary_.items()}
        vectorizers.append({"params": params, "vocabulary": vocab})
        arrays[f"idf_{n}"] = np.asarray(v.idf_, dtype=np.float64)
    meta = {
        "format": FORMAT,
        "config": asdict(model.config),
        "classes": model.classes,
        "threshold": model.threshold,
        "report": asdict(model.report) if model.report else None,
        "vectorizers": vectorizers,
        "score_scale": asdict(model.scale) if model.distance and model.scale else None,
    }
    (folder / "intents.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    with (folder / "intents.npz").open("wb") as fh:
        np.savez_compressed(fh, **arrays)
    return folder


def load(folder: Path) -> IntentClassifier:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    meta_path, arrays_path = folder / "intents.json", folder / "intents.npz"
    if not meta_path.is_file() or not arrays_path.is_file():
        raise KefuError(f"{folder} holds no trained intent classifier (run kefu train intents)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KefuError(f"{meta_path}: cannot read: {exc}") from exc
    if meta.get("format") != FORMAT:
        raise KefuError(f"{meta_path}: unknown format {meta.get('format')!r} (expected {FORMAT})")
    known = {f.name for f in fields(IntentConfig)}
    config = IntentConfig(**{k: v for k, v in meta["config"].items() if k in known})
    model = IntentClassifier(config)
    model.classes = list(meta["classes"])
    model.threshold = float(meta["threshold"])
    if meta.get("report"):
        model.report = FitReport(**meta["report"])
    with np.load(arrays_path) as arrays:
        model.coef = np.asarray(arrays["coef"], dtype=np.float32)
        model.intercept = np.asarray(arrays["intercept"], dtype=np.float32)
        if meta.get("score_scale") and {"distance_whiten", "distance_means"} <= set(arrays.files):
            model.distance = IntentDistance(
                np.asarray(arrays["distance_whiten"], dtype=np.float32),
                np.asarray(arrays["distance_means"], dtype=np.float32),
            )
            model.scale = ScoreScale(**meta["score_scale"])
        for n, spec in enumerate(meta["vectorizers"]):
            params = dict(spec["params"])
            params["ngram_range"] = tuple(params["ngram_range"])
            v = TfidfVectorizer(vocabulary=spec["vocabulary"], **params)
            v.idf_ = arrays[f"idf_{n}"]  # with a given vocabulary, transform() needs only idf_
            model.vectorizers.append(v)
    if model.coef.shape[0] != len(model.classes):
        raise KefuError(
            f"{arrays_path}: {model.coef.shape[0]} rows for {len(model.classes)} classes"
        )
    if model.distance is not None:
        whiten, means = model.distance.whiten, model.distance.means
        if (
            whiten.ndim != 2
            or whiten.shape[0] != whiten.shape[1]
            or means.shape[1:] != whiten.shape[1:]
        ):
            raise KefuError(
                f"{arrays_path}: distance arrays of shapes {whiten.shape} and {means.shape} "
                "do not fit together"
            )
    return model
