"""The route map (routes.json): reading CSV and JSON, refusing typos, the out-of-scope label,
and `kefu train intents --routes/--oos-rule/--oos-recall` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.errors import ConfigError
from kefu.intents.routes import (
    check_routes,
    load_routes,
    read_routes_file,
    route_of,
    save_routes,
)


def test_csv_with_or_without_header_and_json_give_the_same_map(tmp_path: Path) -> None:
    want = {"talk_to_agent": "human", "chitchat": "smalltalk", "lost_card": "answer"}
    with_header = tmp_path / "a.csv"
    with_header.write_text(
        "label,route\ntalk_to_agent,human\nchitchat, smalltalk\n\nlost_card,answer\n", "utf-8"
    )
    bare = tmp_path / "b.csv"
    bare.write_text("talk_to_agent,human\nchitchat,smalltalk\nlost_card,answer\n", "utf-8")
    as_json = tmp_path / "c.json"
    as_json.write_text(json.dumps(want), "utf-8")
    assert read_routes_file(with_header) == want
    assert read_routes_file(bare) == want
    assert read_routes_file(as_json) == want


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("label,route\nrefund,refund_desk\n", "is not one of"),
        ("label,route\nrefund\n", "a label and a route"),
        ('["refund", "human"]', "JSON object"),
        ("oos,human\n", "can only route to oos"),
    ],
)
def test_bad_route_files_are_refused_with_the_reason(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / ("r.json" if text.startswith("[") else "r.csv")
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=message):
        read_routes_file(path)


def test_labels_missing_from_the_data_are_refused() -> None:
    check_routes({"refund": "answer"}, ["refund", "oos"])
    with pytest.raises(ConfigError, match="refnud"):
        check_routes({"refnud": "human"}, ["refund", "oos"])


def test_save_load_and_defaults(tmp_path: Path) -> None:
    assert load_routes(tmp_path) == {}  # no routes.json: every intent is answered
    save_routes(tmp_path, {"agent": "human", "fire": "emergency"})
    routes = load_routes(tmp_path)
    assert routes == {"agent": "human", "fire": "emergency"}
    assert route_of("agent", routes, oos_label="oos") == "human"
    assert route_of("lost_card", routes, oos_label="oos") == "answer"
    assert route_of("oos", {"oos": "answer"}, oos_label="oos") == "oos"  # whatever the map says
    (tmp_path / "routes.json").write_text('{"agent": "person"}', "utf-8")  # edited by hand
    with pytest.raises(ConfigError, match="person"):
        load_routes(tmp_path)


_TRAIN = (
    [(f"{o} where is my card", "card") for o in ("", "hi", "hello", "please", "so", "hey")]
    + [(f"{o} card has not arrived", "card") for o in ("", "hi", "hello", "please", "so", "hey")]
    + [(f"{o} get me a manager", "agent") for o in ("", "hi", "hello", "please", "so", "hey")]
    + [(f"{o} escalate this now", "agent") for o in ("", "hi", "hello", "please", "so", "hey")]
    + [("tell me a joke", "oos"), ("who won the game", "oos"), ("play a song", "oos")]
    + [("capital of peru", "oos"), ("how tall is everest", "oos"), ("bake bread", "oos")]
)


@pytest.fixture
def env(kefu_home: Path, tmp_path: Path) -> Path:
    """A clean KEFU_* environment (kefu_home) and the training CSV."""
    data = tmp_path / "train.csv"
    rows = ["text,label"] + [f'"{t.strip()}",{lab}' for t, lab in _TRAIN]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return data


def test_train_saves_the_routes_and_the_chosen_rule(tmp_path: Path, env: Path) -> None:
    routes = tmp_path / "routes.csv"
    routes.write_text("label,route\nagent,human\n", "utf-8")
    out = tmp_path / "m"
    args = ["train", "intents", "--data", str(env), "--out", str(out), "--no-embeddings"]
    args += ["--routes", str(routes), "--oos-rule", "recall", "--oos-recall", "0.5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "(recall;" in result.stdout
    assert load_routes(out) == {"agent": "human"}
    meta = json.loads((out / "intents.json").read_text("utf-8"))
    assert meta["config"]["oos_rule"] == "recall"
    assert meta["config"]["oos_target_recall"] == 0.5
    assert meta["report"]["threshold_method"] == "recall"
    assert meta["report"]["val_oos_recall"] >= 0.5


def test_a_misspelt_route_label_fails_before_training(tmp_path: Path, env: Path) -> None:
    routes = tmp_path / "routes.csv"
    routes.write_text("agnet,human\n", "utf-8")
    out = tmp_path / "m"
    args = ["train", "intents", "--data", str(env), "--out", str(out), "--no-embeddings"]
    result = CliRunner().invoke(app, [*args, "--routes", str(routes)])
    assert result.exit_code == 1
    assert "agnet" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_an_unknown_rule_is_one_red_line(tmp_path: Path, env: Path) -> None:
    args = ["train", "intents", "--data", str(env), "--no-embeddings", "--oos-rule", "best"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "--oos-rule must be balanced or recall" in result.output


def test_an_unknown_score_is_one_red_line_and_the_choice_is_saved(
    tmp_path: Path, env: Path
) -> None:
    args = ["train", "intents", "--data", str(env), "--no-embeddings"]
    result = CliRunner().invoke(app, [*args, "--oos-score", "margin"])
    assert result.exit_code == 1
    assert "--oos-score must be distance or probability" in result.output
    out = tmp_path / "m"
    result = CliRunner().invoke(app, [*args, "--oos-score", "probability", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "below probability" in result.stdout
    meta = json.loads((out / "intents.json").read_text("utf-8"))
    assert meta["config"]["oos_score"] == "probability"
    evaluated = CliRunner().invoke(
        app, ["eval", "intents", "--model", str(out), "--test", str(env), "--oos-score", "distance"]
    )
    assert evaluated.exit_code == 1
    assert "apply to --train, not to --model" in evaluated.output
