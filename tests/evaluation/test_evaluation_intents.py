"""Intent metrics, the confusion-matrix image, the Markdown report and the CLI commands
`kefu train intents` and `kefu eval intents`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.evaluation.intents import confusion_png, intent_metrics, top_confusions
from kefu.intents.classifier import Prediction


def _p(label: str, intent: str | None = None) -> Prediction:
    return Prediction(label, 0.9, label == "oos", intent or label)


def test_metrics_by_hand() -> None:
    gold = ["a", "a", "b", "oos", "oos", "b"]
    preds = [_p("a"), _p("b"), _p("b"), _p("oos", "a"), _p("a"), _p("oos", "b")]
    m = intent_metrics(gold, preds)
    assert m["accuracy"] == pytest.approx(3 / 6, abs=1e-4)
    assert m["inscope_accuracy"] == pytest.approx(2 / 4, abs=1e-4)
    # Without rejection the last row's best intent, b, was right.
    assert m["closed_set_accuracy"] == pytest.approx(3 / 4, abs=1e-4)
    assert m["rejected_inscope"] == pytest.approx(1 / 4, abs=1e-4)
    assert m["oos_recall"] == pytest.approx(1 / 2, abs=1e-4)
    assert m["oos_precision"] == pytest.approx(1 / 2, abs=1e-4)
    # a: P 1/2 R 1/2; b: P 1/2 R 1/2; oos: P 1/2 R 1/2 -> macro 0.5 each.
    assert m["macro_precision"] == pytest.approx(0.5, abs=1e-4)
    assert m["macro_f1"] == pytest.approx(0.5, abs=1e-4)
    assert m["per_class"]["a"]["support"] == 2
    assert top_confusions(gold, preds)[0][2] == 1


def test_no_oos_metrics_without_oos_rows() -> None:
    m = intent_metrics(["a", "b"], [_p("a"), _p("b")])
    assert m["accuracy"] == 1.0 and "oos_recall" not in m


def test_confusion_png_is_an_image(tmp_path: Path) -> None:
    gold = ["a", "b", "oos"]
    path = confusion_png(gold, [_p("a"), _p("a"), _p("oos")], tmp_path / "cm.png", title="t")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def env(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KEFU_EMBEDDER", "hashing")  # fast surface-form vectors
    return kefu_home


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["text,label"] + [f'"{t}",{lab}' for t, lab in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_TRAIN = (
    [(f"{o} where is my card", "card") for o in ("", "hi", "hello", "please", "so")]
    + [(f"{o} card has not arrived", "card") for o in ("", "hi", "hello", "please", "so")]
    + [(f"{o} reset my password", "password") for o in ("", "hi", "hello", "please", "so")]
    + [(f"{o} forgot my password", "password") for o in ("", "hi", "hello", "please", "so")]
    + [("tell me a joke", "oos"), ("who won the game", "oos"), ("play a song", "oos")]
)
_TEST = [
    ("hey where is my card", "card"),
    ("my card has not arrived yet", "card"),
    ("I forgot my password", "password"),
    ("please reset my password", "password"),
    ("what is the capital of peru", "oos"),
]


def test_training_warns_about_thin_labels_and_no_out_of_scope_rows(
    tmp_path: Path, env: Path
) -> None:
    rows = [(t, label) for t, label in _TRAIN if label != "oos"] + [("where is my pin", "pin")]
    result = CliRunner().invoke(
        app, ["train", "intents", "--data", str(_csv(tmp_path / "t.csv", rows))]
    )
    assert result.exit_code == 0, result.output
    assert "1 intent(s) have fewer than 5 examples: 'pin' (1)" in result.stderr
    assert "no 'oos' rows in the data" in result.stderr


def test_train_then_eval_a_saved_model(tmp_path: Path, env: Path) -> None:
    train = _csv(tmp_path / "train.csv", _TRAIN)
    test = _csv(tmp_path / "test.csv", _TEST)
    runner = CliRunner()
    result = runner.invoke(
        app, ["train", "intents", "--data", str(train), "--out", str(tmp_path / "m")]
    )
    assert result.exit_code == 0, result.output
    assert "Trained 3 intents" in result.stdout
    assert (tmp_path / "m" / "intents.npz").is_file()
    # Three out-of-scope rows: whatever share was held out for the threshold is too few to
    # trust its recall figure, and the operator is told so (tester L); every intent has 10.
    assert "out-of-scope threshold was chosen on" in result.stderr
    assert "fewer than 5 examples" not in result.stderr
    report = tmp_path / "report"
    result = runner.invoke(
        app,
        [
            *("eval", "intents", "--model", str(tmp_path / "m"), "--test", str(test)),
            *("--json", "--report", str(report), "--latency", "5"),
        ],
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["rows"] == 5 and metrics["oos_rows"] == 1
    assert metrics["closed_set_accuracy"] == 1.0
    assert metrics["latency"]["messages"] == 5
    record = json.loads((report / "intents.json").read_text("utf-8"))
    assert record["data"][0]["sha256"] == hashlib.sha256(test.read_bytes()).hexdigest()
    assert record["seed"] == 0 and record["versions"]["scikit-learn"]
    assert record["command"].startswith("kefu eval intents --test ")
    assert f"--model {tmp_path / 'm'}" in record["command"]
    md = (report / "intents.md").read_text("utf-8")
    assert "| closed_set_accuracy | 1.0 |" in md and "confusion.png" in md
    assert (report / "confusion.png").stat().st_size > 1000


def test_eval_trains_from_train_and_records_under_home(tmp_path: Path, env: Path) -> None:
    train = _csv(tmp_path / "train.csv", _TRAIN)
    test = _csv(tmp_path / "test.csv", _TEST)
    result = CliRunner().invoke(
        app,
        ["eval", "intents", "--train", str(train), "--test", str(test), "--latency", "0"],
    )
    assert result.exit_code == 0, result.output
    assert "inscope_accuracy" in result.stdout
    records = list((env / "evals").glob("intents-*.json"))
    assert len(records) == 1
    data = json.loads(records[0].read_text("utf-8"))["data"]
    assert [d["rows"] for d in data] == [5, len(_TRAIN)]


def test_eval_needs_train_or_model(tmp_path: Path, env: Path) -> None:
    test = _csv(tmp_path / "test.csv", _TEST)
    result = CliRunner().invoke(app, ["eval", "intents", "--test", str(test)])
    assert result.exit_code == 1
    assert "exactly one of --train or --model" in result.output


def test_a_dataset_reference_without_the_shared_folder_is_one_red_line(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEFU_DATASETS", str(tmp_path / "none"))
    result = CliRunner().invoke(app, ["train", "intents", "--data", "banking77:train"])
    assert result.exit_code == 1
    assert "KEFU_DATASETS" in result.output and "Traceback" not in result.output
