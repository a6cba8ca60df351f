"""Where only the learned head reads an emergency (the rules found none), the turn is
uncertain: the hedged line and a person come first, and the customer's question is still
answered the ordinary way; the business's own emergency entry leads only where the rules found
an emergency, and only when it is written for the service the emergency needs (a home-care and
a dating app's testers, 2026-12; docs/safety.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kefu.dialogue import emergency_reply, messages
from kefu.dialogue.emergency_text import entry_service, fits_need
from kefu.dialogue.intents import triage
from kefu.guard import emergency_head
from kefu.guard.emergency_head import EmergencyHead
from kefu.retrieval.embedders import HashingEmbedder
from kefu.types import Entry

MakeAssistant = Callable[..., tuple[Any, Any]]

HOME_ENTRY = (
    "Call 999 now if you are in the UK (119 for an ambulance in Taiwan). Then call our office "
    "on 0161 555 0142 so we can tell the family and the care team."
)
POLICE_ENTRY = (
    "If you are in danger, call the police now: 999 in Singapore (ambulance 995), 911 in the "
    "US. Then get to a public place and, when you are safe, report the member in the app."
)


def _point(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """A head for the fake embedder that flags ``text`` (cosine 1) and little else."""
    direction = HashingEmbedder().embed_queries([text])[0].astype(np.float64)
    head = EmergencyHead("hashing", tuple(direction.tolist()), 0.0, {"en": 0.8, "zh": 0.8})
    monkeypatch.setattr(
        emergency_head, "bundled_head", lambda name: head if name == "hashing" else None
    )


def _add(csv_path: Path, *rows: str) -> None:
    text = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(text + "".join(f"{row}\n" for row in rows), encoding="utf-8")


@pytest.mark.parametrize(
    "question",
    [
        "How long does a refund take? my mother gets breathless on the stairs",
        "How much does shipping cost? dad missed his evening warfarin again",
    ],
)
def test_a_turn_only_the_head_flags_gets_the_hedge_then_its_answer(
    make_assistant: MakeAssistant, monkeypatch: pytest.MonkeyPatch, knowledge_files: Any,
    question: str,
) -> None:  # fmt: skip
    csv_path, _ = knowledge_files
    _add(csv_path, f'en-emerg,What should I do in a medical emergency?,"{HOME_ENTRY}",emergency')
    _point(monkeypatch, question)
    assistant, _ = make_assistant(emergency_number="999")
    assert triage(question) != "emergency"  # the rules read nothing
    answer = assistant.ask(question)
    hedge = messages.reply("emergency", "en", emergency_number="999")
    assert answer.text.startswith(hedge)
    assert answer.handoff and answer.reason == "emergency"  # first in the queue all the same
    assert HOME_ENTRY not in answer.text  # the business's entry does not replace the answer
    ordinary, _ = make_assistant(emergency_model=False, emergency_number="999")
    body = ordinary.ask(question).text
    assert answer.text == f"{hedge}\n\n{body}"  # the ordinary answer follows the hedge


def test_a_rules_emergency_still_leads_with_the_business_entry(
    make_assistant: MakeAssistant, knowledge_files: Any
) -> None:
    csv_path, _ = knowledge_files
    _add(csv_path, f'en-emerg,What should I do in a medical emergency?,"{HOME_ENTRY}",emergency')
    assistant, _ = make_assistant(emergency_number="999")
    answer = assistant.ask("my mum has collapsed and isn't breathing")
    assert answer.text.startswith(HOME_ENTRY)
    assert answer.reason == "emergency" and answer.handoff


def test_a_request_for_a_person_the_head_flags_gets_the_hedge_not_the_entry(
    make_assistant: MakeAssistant, monkeypatch: pytest.MonkeyPatch, knowledge_files: Any
) -> None:
    csv_path, _ = knowledge_files
    _add(csv_path, f'en-emerg,What should I do in a medical emergency?,"{HOME_ENTRY}",emergency')
    wrapped = "Can I talk to a real person please? my mother gets breathless on the stairs"
    _point(monkeypatch, wrapped)
    assistant, _ = make_assistant(emergency_number="999")
    answer = assistant.ask(wrapped)
    assert answer.text == messages.reply("emergency", "en", emergency_number="999")


def _entry(answer: str, title: str = "What should I do in an emergency during a date?") -> Entry:
    return Entry("e", "faq", title, answer, title=title, language="en")


def test_the_service_an_emergency_entry_is_written_for() -> None:
    assert entry_service(_entry(POLICE_ENTRY)) == "police"
    assert entry_service(_entry(HOME_ENTRY, "What should I do in a medical emergency?")) == (
        "ambulance"
    )
    assert entry_service(_entry("Call 999 now. Then call our office.")) is None
    zh = _entry("如遇危险请立即报警（110），并到人多的地方。", "约会时遇到紧急情况怎么办？")
    assert entry_service(zh) == "police"
    police = _entry(POLICE_ENTRY)
    assert fits_need(police, "police") and not fits_need(police, "ambulance")
    assert not fits_need(police, "fire")


@pytest.mark.parametrize(
    "message",
    [
        "i just swallowed a whole bottle of pills because of him",
        "my date collapsed at the restaurant and isnt breathing",
        "he's having a seizure on the floor of the bar",
    ],
)
def test_a_police_entry_never_leads_or_follows_a_medical_emergency(message: str) -> None:
    police = _entry(POLICE_ENTRY)
    generic = messages.reply("emergency", "en", emergency_number="999")
    text, passages = emergency_reply.compose(
        generic, message, "en", top=None, entries=[police], number="999", abroad=False
    )
    assert text.startswith(generic)
    assert "report the member" not in text and "public place" not in text
    assert all(p.entry.id != "e" for p in passages)


def test_a_police_entry_still_leads_a_police_emergency() -> None:
    police = _entry(POLICE_ENTRY)
    generic = messages.reply("emergency", "en", emergency_number="999")
    message = "he has a knife and is threatening me outside the bar"
    text, _ = emergency_reply.compose(
        generic, message, "en", top=None, entries=[police], number="999", abroad=False
    )
    assert POLICE_ENTRY in text
