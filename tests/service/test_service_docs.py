"""The curl examples of docs/service.md work as written, against a real server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import LiveServer

DOC = Path(__file__).resolve().parents[2] / "docs" / "service.md"


def _commands(section: str) -> list[str]:
    """The curl commands of the first bash block after ``section``, one line each."""
    text = DOC.read_text(encoding="utf-8")
    block = text.split(section, 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    lines = block.replace("\\\n", " ").splitlines()
    return [" ".join(line.split()) for line in lines if line.startswith("curl ")]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_customer_api_examples_run_as_written(live_server: LiveServer) -> None:
    commands = _commands("## Customer API in five calls")
    assert len(commands) == 5
    env = {"PATH": os.environ["PATH"], "BASE": live_server.url}

    def run(command: str) -> tuple[int, Any]:
        out = subprocess.run(
            ["bash", "-c", command + " -w '\\n%{http_code}'"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        body, _, code = out.rpartition("\n")
        return int(code), json.loads(body)

    code, created = run(commands[0])
    assert code == 201, created
    env.update(ID=created["id"], TOKEN=created["token"])
    for command in commands[1:]:
        code, body = run(command)
        assert code in (200, 201), (command, body)
    assert body["status"] == "waiting"  # the last one asked for a person
