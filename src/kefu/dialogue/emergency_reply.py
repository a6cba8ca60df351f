"""What follows the emergency number in a reply to an emergency (not a pet's): the business's
crisis entry (or kefu's own crisis lines) beside suicide or self-harm, the business's own
emergency entry, and its assistance line (docs/safety.md). Composed here, from what
`kefu.dialogue.assistant` found, so that the order is decided in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kefu.dialogue import messages
from kefu.dialogue.abroad import need
from kefu.dialogue.crisis import about_self_harm, harms_baby
from kefu.dialogue.crisis_lines import crisis_lines
from kefu.dialogue.emergency_text import (
    about_an_emergency,
    assistance_passage,
    crisis_passage,
    fits_need,
    home_emergency_entry,
    is_crisis_entry,
    leads_with_emergency_number,
    off_topic_for_self_harm,
)
from kefu.dialogue.hazard_entry import hazard_passage, hazards, names_hazard
from kefu.guard.emergency_bystander import bystander
from kefu.guard.views import views
from kefu.text.script import script_of

if TYPE_CHECKING:
    from kefu.types import Entry, Passage


def _other_script(message: str, answer: str) -> bool:
    """Is ``message`` in traditional characters and ``answer`` in simplified?"""
    return script_of(message) == "traditional" and script_of(answer) == "simplified"


def compose(
    text: str,
    message: str,
    language: str,
    *,
    top: Passage | None,
    entries: Sequence[Entry],
    number: str | None,
    abroad: bool,
    others: Sequence[str] = (),
) -> tuple[str, list[Passage]]:
    """The reply's text and the passages it quotes. ``text`` is the fixed emergency reply with
    the number for where the customer is; ``top`` the confident FAQ entry retrieval found;
    ``others`` the business's emergency numbers for its other languages."""
    self_harm = about_self_harm(message)
    wanted = need(message)
    if top is not None and not fits_need(top.entry, wanted):
        top = None  # an overdose: not the dating app's police advice ("report the member")
    if top is not None and off_topic_for_self_harm(message, top):
        top = None  # "I can't pay this bill, I just want to end it all": no Direct Debit how-to
    if top is not None and not self_harm and not about_an_emergency(top.entry):
        top = None  # "someone collapsed … isn't breathing": no wrong-item answer after 120
    # The business's own instruction for the hazard named (a gas smell: its gas line), found by
    # what it says; it follows the public number and never replaces it (hazard_entry.py).
    hazard = None if self_harm else hazard_passage(message, entries, language)
    if (
        hazard is not None
        and top is not None
        and top.entry.id != hazard[0].entry.id
        and not names_hazard(top.entry, hazards(message))
    ):
        top = None  # "I can smell gas": the gas line, not the page on who pays the bills
    if self_harm and top is None:
        # Beside suicide or self-harm the business's crisis line always follows (found by what
        # it says, not by retrieval), else kefu's own crisis lines: never the number alone.
        top = crisis_passage(message, entries, language)
    # A fire or an attack: the fire service's or the police's number leads, never replaced by
    # the business's medical entry (an airline's 120 for "充电宝冒烟了").
    other_service = wanted != "ambulance"
    line = assistance_passage(entries, language)
    if line is not None and not fits_need(line.entry, wanted):
        line = None  # the business's entry is for another service: kefu's own line stands
    if line is not None and self_harm and home_emergency_entry(line.entry):
        # The business's medical emergency entry ("…every club has a defibrillator (AED) at
        # reception…") says nothing to someone thinking of suicide (a gym's tester, 2026-12):
        # kefu's sentence with the configured number and the crisis lines stand without it.
        line = None if not is_crisis_entry(line.entry) else line
    passages: list[Passage] = []
    parts = [text]
    if top is not None:
        passages.append(top)
        # Said once: an entry that leads with its number replaces the generic sentence. Only
        # when it leads with it: a number further down must not displace ours; a place the
        # customer named, or a need for the police or the fire service, keeps the sentence
        # that says it.
        own = leads_with_emergency_number(_answer(top), number)
        own = own and not abroad and not other_service
        # A traditional-script writer (Hong Kong, Taiwan) keeps kefu's sentence, which names
        # their place's numbers: a simplified entry's "请立即拨打120" is mainland China's (a
        # red-team tester's "我想自殺…從天台跳落去" got only the healthcare pack's 120).
        own = own and not _other_script(message, _answer(top))
        parts = [_answer(top)] if own else [text, _answer(top)]
    own_lines = any(
        is_crisis_entry(p.entry) and not _other_script(message, _answer(p)) for p in passages
    )
    if self_harm and not own_lines:
        # The lines for where the customer is: Singapore's SOS 1767 beside 995, not the US's 988.
        # Beside any entry that is not the business's crisis guidance too: a gym's AED entry
        # ranked first for "i keep thinking about killing myself" was the whole reply (2026-12).
        # Beside a simplified crisis entry (mainland lines) for a traditional-script writer too.
        parts.append(crisis_lines(message, language, configured=number, others=others))
    if harms_baby(message):
        # A parent afraid of harming the baby: the baby put down safely and a person beside the
        # parent now, said right after the crisis line (perinatal mental-health guidance)
        parts.append(messages.reply("crisis_baby", language))
    if line is not None and all(p.entry.id != line.entry.id for p in passages):
        # The business's emergency or assistance line follows every emergency. One that leads
        # with its number ("Call 999 now if you are in the UK…") replaces the generic text
        # (911/112, wrong for a UK business), found whether or not search ranked it.
        number_first = leads_with_emergency_number(_answer(line), number)
        home = home_emergency_entry(line.entry)
        if home and parts[0] == text and not abroad and not other_service:
            passages.insert(0, line)
            parts[0] = _answer(line)
        elif not (number_first and self_harm and parts[0] != text):
            # Beside a crisis entry that leads with a number, a medical emergency entry
            # (chest pain, strokes…) would only be in the way.
            passages.append(line)
            parts.append(_answer(line))
    if hazard is not None and all(p.entry.id != hazard[0].entry.id for p in passages):
        # Right after the first paragraph, the public number's (or the business's own
        # number-first emergency entry that stands in for it).
        passages.append(hazard[0])
        parts.insert(1, hazard[1])
    if bystander(views(message)):
        # "a guy on the bridge next to me says he's going to jump": the customer is the one who
        # can act, so right after the number they hear what to do and to keep themselves safe
        parts.insert(1, messages.reply("crisis_bystander", language))
    return "\n\n".join(parts), passages


def _answer(passage: Passage) -> str:
    return passage.entry.answer or passage.entry.text
