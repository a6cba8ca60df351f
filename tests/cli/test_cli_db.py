"""`kefu db status` / `kefu db upgrade`: the schema step of an upgrade, made explicit."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.storage.db import head_revision


def test_upgrade_creates_the_schema_then_is_a_no_op(kefu_env: dict[str, str]) -> None:
    runner = CliRunner()
    head = head_revision()
    status = runner.invoke(app, ["db", "status"])
    assert status.exit_code == 0, status.output
    assert "empty" in status.stdout
    first = runner.invoke(app, ["db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert f"upgraded from empty to schema revision {head}" in first.stdout
    again = runner.invoke(app, ["db", "upgrade"])
    assert f"already at schema revision {head}" in again.stdout
    assert "up to date" in runner.invoke(app, ["db", "status"]).stdout
    assert (Path(kefu_env["KEFU_HOME"]) / "kefu.db").is_file()
