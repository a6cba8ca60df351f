"""`kefu kb add` of a large file reports its progress, also where stderr is not a terminal,
and an interruption inside the embedder leaves the knowledge base as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from kefu.cli.app import app


def _big_text(path: Path, sections: int = 40) -> Path:
    lines = []
    for n in range(1, sections + 1):
        lines += [f"Section {n}", ""]
        lines += [
            f"Paragraph {n}.{k} explains rule {k} of section {n} in plain words." for k in range(8)
        ]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_kb_add_prints_progress_lines_when_not_on_a_terminal(
    kefu_env: dict[str, str], tmp_path: Path
) -> None:
    # CliRunner's stderr is no terminal, as under nohup, a supervisor or a CI job: Rich's bar
    # draws nothing there, so the plain lines must.
    big = _big_text(tmp_path / "big.txt")
    result = CliRunner().invoke(app, ["kb", "add", str(big)])
    assert result.exit_code == 0, result.output
    assert "reading: 0 of 1" in result.stderr
    done = re.findall(r"embedding: ([\d,]+) of ([\d,]+)", result.stderr)
    assert done and done[-1][0] == done[-1][1] and int(done[-1][1].replace(",", "")) > 1


def test_an_interrupt_inside_the_embedder_changes_nothing(
    kefu_env: dict[str, str], tmp_path: Path, faq_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    before = runner.invoke(app, ["kb", "list", "--json"]).stdout
    from kefu.retrieval.embedders import HashingEmbedder

    calls = {"n": 0}
    embed = HashingEmbedder.embed_documents

    def failing(self: HashingEmbedder, texts: list[str]) -> np.ndarray:
        calls["n"] += 1
        if calls["n"] > 1:  # the first batch passes: the interrupt lands mid-file
            raise KeyboardInterrupt
        return embed(self, texts)

    monkeypatch.setattr(HashingEmbedder, "embed_documents", failing)
    big = _big_text(tmp_path / "big.txt", sections=120)
    result = runner.invoke(app, ["kb", "add", str(big)])
    assert result.exit_code == 130
    assert calls["n"] == 2
    monkeypatch.setattr(HashingEmbedder, "embed_documents", embed)
    after = runner.invoke(app, ["kb", "list", "--json"]).stdout
    assert json.loads(after) == json.loads(before)


def test_progress_lines_are_throttled_and_estimate_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io
    import time

    from rich.console import Console

    from kefu.cli.common import _progress_lines

    clock = iter([0.0, 1.0, 20.0, 21.0])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    out = io.StringIO()
    update = _progress_lines(Console(file=out, width=200), every_s=10.0)
    update("embedding", 0, 1000)  # t=0: the start is always shown
    update("embedding", 10, 1000)  # t=1: too soon, dropped
    update("embedding", 100, 1000)  # t=20: 100 in 20 s, 900 left: about 3 min
    update("embedding", 1000, 1000)  # t=21: the end is always shown
    assert out.getvalue().splitlines() == [
        "embedding: 0 of 1,000",
        "embedding: 100 of 1,000 (about 3 min left)",
        "embedding: 1,000 of 1,000",
    ]
