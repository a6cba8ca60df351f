"""A report against the business's own staff in the dialogue (black-box testers of a home-care
business and a gym, 2026-12-01): a reply that takes it seriously, a person now at the top of
the queue, the business's own safeguarding or complaints route found by what it says, never
the nearest FAQ's "Possibly."; and a diagnosis asked by a condition's name gets the refusal,
with no "Yes." after it (docs/safety.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.misconduct_entry import misconduct_passage
from kefu.service.live import handoff_reason
from kefu.storage.support_repo import HANDOFF_PRIORITY
from kefu.types import Entry

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

FAQ_CSV = (
    "id,question,answer,category\n"
    "council,Can the council pay for my mum's care?,\"Possibly. If your mum has savings under "
    'GBP 23,250 the council may fund part of her care.",funding\n'
    "dementia,Are your carers trained in dementia care?,Yes. All Level 3 carers complete our "
    "3-day dementia course.,care\n"
    "complaint,How do I make a complaint?,Tell your care coordinator or email "
    "complaints@example.co.uk.,complaints\n"
    "zh-complaint,要怎么客诉？,请告诉您的督导员，或寄信到 service@example.com.tw。,客诉\n"
)

POLICY_TXT = """Safeguarding policy

1. Safeguarding adults

1.1 Every member of staff must report any concern that a client is being abused to the Registered Manager on the same day.
1.3 Families who suspect a carer of theft or abuse should call the office straight away (UK 0161 555 0142). The carer is taken off the client's visits while we investigate.
1.4 Carers must not accept gifts worth more than GBP 20, borrow or lend money, or handle bank cards.
"""  # noqa: E501


@pytest.fixture
def knowledge_files(tmp_path: Path) -> tuple[Path, ...]:
    folder = tmp_path / "files"
    folder.mkdir()
    files = {"faq.csv": FAQ_CSV, "safeguarding_policy.txt": POLICY_TXT}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tuple(folder / name for name in files)


@pytest.mark.parametrize(
    "text",
    [
        "I think the carer has been taking money from mum's purse, £50 went missing twice after "
        "her visits",
        "the carer has been using mum's bank card, there are cash withdrawals she didn't make",
        "the carer asked my dad to lend her £200, is that allowed?",
        "Can the council pay? Also I think the carer stole mum's ring",
    ],
)
def test_a_report_against_a_carer_gets_a_person_and_the_policy_route(
    make_assistant: MakeAssistant, text: str
) -> None:
    assistant, llm = make_assistant()
    answer = assistant.ask(text)
    assert answer.text.startswith(messages.reply("safety_misconduct", "en"))
    assert "0161 555 0142" in answer.text  # clause 1.3, the way to report it
    assert "Possibly" not in answer.text and "1.1 Every member" not in answer.text
    assert (answer.handoff, answer.reason) == (True, "misconduct")
    assert llm.calls == []
    # the agent queue shows it first, under its own name
    assert handoff_reason(text, answer) == "misconduct"
    assert HANDOFF_PRIORITY["misconduct"] == HANDOFF_PRIORITY["emergency"]


@pytest.mark.parametrize(
    "text", ["居服員好像拿了我媽的金項鍊 她放在抽屜的不見了", "教练上课时一直摸我 很不舒服"]
)
def test_a_chinese_report_gets_the_chinese_complaints_route(
    make_assistant: MakeAssistant, text: str
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(text)
    assert (answer.handoff, answer.reason) == (True, "misconduct")
    assert "报警" in answer.text or "報警" in answer.text  # the police, if in danger now
    assert "service@example.com.tw" in answer.text  # the English clause is not shown
    assert "119" not in answer.text and "120" not in answer.text  # no ambulance


def test_ordinary_questions_about_carers_stay_ordinary(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    for text in ("how are your carers vetted?", "can a carer accept a small gift at Christmas?"):
        assert assistant.ask(text).reason != "misconduct"


def test_is_it_dementia_gets_the_refusal_and_no_yes(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(
        "mum keeps forgetting where she put things and repeated the same story 4 times today, "
        "is it dementia?"
    )
    assert answer.reason == "diagnosis" and answer.handoff
    assert answer.text.startswith(messages.reply("safety_diagnosis", "en"))
    assert "Yes." not in answer.text


def _faq(id_: str, question: str, answer: str) -> Entry:
    return Entry(id=id_, kind="faq", text=question, answer=answer, title=question, language="en")


def test_a_staff_complaint_entry_beats_a_general_one() -> None:
    general = _faq("c", "How do I make a complaint?", "Email feedback@example.com.")
    staff = _faq(
        "s",
        "How do I make a complaint about staff?",
        "Email conduct@example.com; complaints about a trainer are confidential.",
    )
    found = misconduct_passage([general, staff], "en")
    assert found is not None and found[0].entry.id == "s"
    assert misconduct_passage([general], "en") is not None
    unrelated = _faq("u", "Where is the office?", "Call 0161 555 0100.")
    assert misconduct_passage([unrelated], "en") is None
