"""Fixtures for the CLI tests: an isolated KEFU_HOME and fast components by default.

Every test gets its own home under tmp_path and the hashing embedder with the fake (echo) LLM,
so the CLI runs end to end in well under a second per command. Tests marked ``model`` switch
back to the real defaults.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FAQ_CSV = """id,question,answer,category
rf-1,How long does a refund take?,Refunds reach your card within 5-10 business days.,refunds
sh-1,How much does shipping cost?,Standard shipping costs $4.99 and is free over $50.,shipping
zh-1,退款多久到账？,退款会在收到退货后3个工作日内原路退回。,退款
"""


@pytest.fixture
def kefu_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment (also applied to this process) for a fast, isolated kefu."""
    for key in list(os.environ):
        if key.startswith("KEFU_"):
            monkeypatch.delenv(key)
    home = tmp_path / "home"
    values = {
        "KEFU_HOME": str(home),
        "KEFU_EMBEDDER": "hashing",
        "KEFU_LLM_BACKEND": "fake",
        # Rich wraps long lines at the terminal width; keep paths on one line in assertions.
        "COLUMNS": "400",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return {**os.environ, **values}


@pytest.fixture
def faq_file(tmp_path: Path) -> Path:
    path = tmp_path / "files" / "faq.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FAQ_CSV, encoding="utf-8")
    return path
