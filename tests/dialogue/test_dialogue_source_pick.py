"""Several sources in one index (a clinic and a bank, as the demo packs): a general question is
answered from the source the chat has been answered from (kefu.dialogue.source_pick)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from tests.dialogue.conftest import ANSWER_T, CURATED_T, StubConfidence

from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.confidence import ConfidenceModel
from kefu.dialogue.source_pick import source_of
from kefu.knowledge.base import KnowledgeBase
from kefu.llm.fake import FakeChatModel
from kefu.retrieval.embedders import HashingEmbedder
from kefu.types import Entry

CLINIC_EN = """id,question,answer,category
cl-book,How do I book an appointment?,Book a visit in the patient portal under Book a Visit.,visits
cl-walkin,What are the clinic walk-in hours?,"Walk-ins: Monday to Friday 8am-8pm.",visits
cl-phone,How do I contact the clinic by phone?,Call the patient line at 1-800-555-0199.,contact
"""
BANK_EN = """id,question,answer,category
bk-hours,What time do you open? What are your opening hours?,"Branches: 9am-5pm weekdays.",branches
bk-freeze,How do I freeze my credit card?,Open the app and switch Freeze card on under Cards.,cards
bk-contact,How do I contact you?,Call customer service at 1-800-555-0142.,contact
"""
CLINIC_ZH = """id,question,answer,category
cl-zh-book,怎么预约看病？,在小程序“预约挂号”里选择门店和医生即可预约。,预约
cl-zh-walkin,诊所现场挂号是几点？,诊所现场挂号周一至周五7:30-17:00。,预约
"""
BANK_ZH = """id,question,answer,category
bk-zh-hours,营业时间？几点开门？,网点周一至周五9:00-17:00营业。,网点
bk-zh-limit,信用卡怎么提额？,在App“信用卡-额度管理”里申请提额。,信用卡
"""


@pytest.fixture
def two_sources(tmp_path: Path) -> Assistant:
    folder = tmp_path / "files"
    folder.mkdir()
    files = []
    for name, text in [
        ("clinic.en.csv", CLINIC_EN),
        ("clinic.zh.csv", CLINIC_ZH),
        ("bank.en.csv", BANK_EN),
        ("bank.zh.csv", BANK_ZH),
    ]:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    settings = Settings(
        home=tmp_path / "home",
        embedder="hashing",
        llm_backend="fake",
        curated_threshold=CURATED_T,
        answer_threshold=ANSWER_T,
    )  # type: ignore[call-arg]
    kb = KnowledgeBase(settings, embedder=HashingEmbedder())
    report = kb.add(files)
    assert report.ok, report.failed
    llm = FakeChatModel([], languages=("en", "zh"))
    return Assistant(settings, kb=kb, llm=llm, confidence=cast(ConfidenceModel, StubConfidence()))


def _cited(assistant: Assistant, session: str, text: str) -> list[str]:
    return [s.id for s in assistant.ask(text, session_id=session).sources]


def _bank(ids: list[str]) -> bool:
    return any(i.startswith("bk-") for i in ids)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("How do I book an appointment?", "What time do you open?"),
        ("How do I book an appointment?", "what are your opening hours?"),
        ("How do I book an appointment?", "how do I contact you?"),
        ("怎么预约看病？", "营业时间？"),
        ("怎么预约看病？", "你们几点开门？"),
    ],
)
def test_clinic_chat_is_not_given_the_banks_answer(
    two_sources: Assistant, first: str, then: str
) -> None:
    session = two_sources.start()
    assert all(i.startswith("cl-") for i in _cited(two_sources, session, first))
    cited = _cited(two_sources, session, then)
    assert not _bank(cited), cited  # the clinic's entry, or a person, never the bank's


def test_the_general_question_alone_still_finds_the_best_entry(two_sources: Assistant) -> None:
    # No chat to go by: the question is answered as before.
    assert _cited(two_sources, two_sources.start(), "What time do you open?")[0] == "bk-hours"


def test_bank_chat_keeps_the_banks_answer(two_sources: Assistant) -> None:
    session = two_sources.start()
    assert _cited(two_sources, session, "How do I freeze my credit card?")[0] == "bk-freeze"
    assert _cited(two_sources, session, "What time do you open?")[0] == "bk-hours"


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("How do I book an appointment?", "How do I freeze my credit card?", "bk-freeze"),
        ("怎么预约看病？", "信用卡怎么提额？", "bk-zh-limit"),
    ],
)
def test_a_question_clearly_about_the_other_source_is_answered_from_it(
    two_sources: Assistant, first: str, then: str, expected: str
) -> None:
    session = two_sources.start()
    _cited(two_sources, session, first)
    assert _cited(two_sources, session, then)[0] == expected


def test_language_files_of_one_source_are_one_source() -> None:
    def entry(source: str) -> Entry:
        return Entry(id="x", kind="faq", text="t", source=source)

    assert source_of(entry("healthcare.en.csv")) == source_of(entry("/a/b/healthcare.zh.csv"))
    assert source_of(entry("faq_en.csv")) == source_of(entry("faq_zh.csv"))
    assert source_of(entry("healthcare.en.csv")) != source_of(entry("finance.en.csv"))


def test_search_within_one_source(two_sources: Assistant) -> None:
    result = two_sources.kb.search(
        "What time do you open?", only=lambda e: source_of(e) == "clinic.csv"
    )
    assert result.passages
    assert all(source_of(p.entry) == "clinic.csv" for p in result.passages)
