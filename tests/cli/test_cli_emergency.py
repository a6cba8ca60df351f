"""`kefu eval emergency` from the command line (hashing embedder: the rules alone)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kefu.cli.app import app


def test_eval_emergency_reports_each_detector(tmp_path: Path, kefu_env: dict[str, str]) -> None:
    path = tmp_path / "set.jsonl"
    rows = [
        {"text": "my husband collapsed and is not breathing", "label": 1},
        {"text": "how do I change my delivery address", "label": 0},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "emergency", "--set", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["embedder"] == "hashing" and report["learned_check"] is False
    assert report["detectors"]["rules"]["overall"]["caught"] == 1
    table = CliRunner().invoke(app, ["eval", "emergency", "--set", str(path)])
    assert table.exit_code == 0 and "rules only" in table.output


def test_eval_emergency_names_a_bad_file_and_line(tmp_path: Path, kefu_env: dict[str, str]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "label": 0}\n{"label": 1}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "emergency", "--set", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:2: invalid row" in result.output
    assert "Traceback" not in result.output
