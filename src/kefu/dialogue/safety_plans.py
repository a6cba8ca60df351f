"""The fixed replies of a turn that must not be answered from the FAQ alone.

An emergency (one the triage rules named, or one the learned head read into a message they
missed) and the safety kinds (an injection attempt, a request for fraud, a dose question...)
get fixed text and a person; the business's own confident FAQ answer may follow. These plans
are a concern of their own, kept out of `kefu.dialogue.assistant` so that the turn's flow
stays a readable size: `Assistant` inherits them from `SafetyPlans` unchanged, as the same
methods (``assistant._emergency_plan(...)`` still works). `safe_history` drops earlier attack
turns before a follow-up retrieves or the model sees them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kefu.dialogue import emergency_reply, messages
from kefu.dialogue.abroad import localise, need
from kefu.dialogue.crisis import about_self_harm
from kefu.dialogue.eating_lines import eating_lines
from kefu.dialogue.emergency_native import native_first
from kefu.dialogue.emergency_text import leads_with_emergency_number, pet_emergency_passage
from kefu.dialogue.intents import triage
from kefu.dialogue.misconduct_entry import misconduct_passage
from kefu.dialogue.polar_lead import without_lead
from kefu.dialogue.policy import Plan
from kefu.dialogue.promise_followup import may_follow_promise
from kefu.dialogue.romance_lines import police_line, romance_passage
from kefu.dialogue.safeguarding_entry import child_safety_passage
from kefu.guard.animals import for_a_pet
from kefu.guard.fraud import asks_for_mule_fraud
from kefu.guard.romance_scam import is_sextortion
from kefu.guard.safeguarding import writes_as_minor
from kefu.guard.scam_staff import staff_scam
from kefu.guard.views import views
from kefu.types import ChatMessage, Passage

if TYPE_CHECKING:
    import numpy as np

    from kefu.config import Settings
    from kefu.dialogue.confidence import ConfidenceModel
    from kefu.knowledge.base import KnowledgeBase

# Safety kinds answered with fixed text (messages.py) and a person; the business's own
# confident FAQ answer may follow the fixed text, except after an injection attempt, whose
# wording must not steer what is shown, and after a request for fraud, whose closest entry is
# the how-to it would misuse ("怎么开发票不用交税" finds "how to issue an invoice"), or for a
# prescription medicine without a prescription, whose closest entry is about collecting one
# ("Yes. A friend can collect your prescription…" read as "yes, you can buy it").
SAFETY_REPLY = {
    "safeguarding": "safety_safeguarding",
    "misconduct": "safety_misconduct",
    "threat": "safety_threat",
    "injection": "safety_injection",
    "private": "safety_private",
    "dose": "safety_dose",
    "diagnosis": "safety_diagnosis",
    "scam": "safety_scam",
    "investment": "safety_investment",
    "fraud": "safety_fraud",
    "prescription": "safety_prescription",
    "promise": "safety_promise",
    "abuse": "safety_abuse",
    "eating_disorder": "safety_eating_disorder",
    "romance_scam": "safety_romance_scam",
}
# An entry that warns of scams (its question or answer says so), the one that may follow a
# scam warning.
_SCAM_ENTRY = re.compile(
    r"诈骗|骗局|骗子|反诈|96110|\b(scam\w*|fraud\w*|phishing)\b", re.IGNORECASE
)
# Not a safety kind, but answered the same way: fixed text and a person, the business's
# confident FAQ answer after it ("扣了我两次钱！！！" wants the refund rule too).
FIXED_REPLY = {**SAFETY_REPLY, "complaint": "complaint"}


class SafetyPlans:
    """The emergency and safety plans of `kefu.dialogue.assistant.Assistant`, a mixin."""

    # Set by `Assistant.__init__`; `confidence` is its lazily loaded model.
    settings: Settings
    kb: KnowledgeBase

    if TYPE_CHECKING:

        @property
        def confidence(self) -> ConfidenceModel: ...

    def _vector(self, message: str) -> np.ndarray | None:
        """The message's search vector, for a turn that retrieves nothing."""
        from kefu.retrieval.base import search_vectors

        if not self.settings.emergency_model or not message.strip():
            return None
        vector: np.ndarray = search_vectors(self.kb.embedder, [message])[0]
        return vector

    def _learned_emergency(self, message: str, vector: np.ndarray | None, language: str) -> bool:
        """The learned head's verdict on the message's vector: an emergency the rules missed.

        Only the message alone is read: an emergency in an earlier turn was that turn's. A
        message that says nobody is hurt ("small accident, nobody hurt") is not one, whatever
        the head reads into "accident" and "police" (docs/safety.md)."""
        if vector is None or not self.settings.emergency_model:
            return False
        from kefu.guard.emergency_head import bundled_head, flags_message

        head = bundled_head(self.kb.embedder.name)
        embedder = self.kb.embedder
        return head is not None and flags_message(head, message, vector, language, embedder)

    def _reply(self, kind: str, language: str) -> str:
        """A fixed reply with the business's emergency number, where one is configured."""
        number = self.settings.emergency_number_for(language)
        return messages.reply(kind, language, emergency_number=number)

    def _other_numbers(self, language: str) -> tuple[str, ...]:
        """The business's emergency numbers for its other reply languages ("en=000" beside a
        Chinese reply's "zh=999"): where the first implies no place, they may."""
        mine = self.settings.emergency_number_for(language)
        theirs = (self.settings.emergency_number_for(o) for o in ("en", "zh") if o != language)
        return tuple(n for n in theirs if n and n != mine)

    def _emergency_line(
        self, message: str, language: str, *, native: bool = True
    ) -> tuple[str, bool]:
        """The hedged emergency line ("If this is an emergency, call 999 now…", a vet first for
        a pet) with the number for where the customer is ("I'm in Bangkok": 1669) over the
        configured one, and whether a place the customer named chose it. ``native``: led by the
        sentence in a Korean or Japanese writer's language (`_in_writers_language`)."""
        pet = for_a_pet(views(message))
        text = self._reply("pet_emergency" if pet else "emergency", language)
        if pet:
            return text, False
        number = self.settings.emergency_number_for(language)
        text, abroad = localise(text, message, language, configured=number)
        return (_in_writers_language(message, text) if native else text), abroad

    def _possible_emergency_plan(self, message: str, language: str) -> Plan:
        """Only the learned head read an emergency, in a turn answered before retrieval (a
        request for a person, an injection attempt): the hedged line and a person, never the
        business's own emergency entry, which leads only where the rules found one."""
        text, _ = self._emergency_line(message, language)
        return Plan("declined", language, handoff=True, text=text, reason="emergency")

    def _hedged(self, plan: Plan, message: str, language: str) -> Plan:
        """``plan`` (the turn's ordinary answer: curated, grounded or declined) after the hedged
        emergency line, with a person: what a turn gets where only the learned head read an
        emergency. The head also flags bereavement, a past fall and dose questions (a home-care
        tester, 2026-12): "Call 999 now" word for word in place of the answer is wrong for
        them, and the hedge still tells someone really in danger what to do."""
        if plan.reason in ("emergency", "pet emergency"):
            return plan  # the intent router chose the emergency reply already
        number = self.settings.emergency_number_for(language)
        if not (plan.text and leads_with_emergency_number(plan.text, number)):
            # An answer that leads with the number already says it (the entry asked for).
            plan.lead, _ = self._emergency_line(message, language)
        plan.handoff = True
        plan.reason = "emergency"
        return plan

    def _emergency_plan(
        self, message: str, language: str, found: list[Passage], confidence: float
    ) -> Plan:
        pet = for_a_pet(views(message))
        text, abroad = self._emergency_line(message, language, native=False)
        number = self.settings.emergency_number_for(language)
        top = self._confident_faq(found, confidence, language)
        if pet:
            found_pet = top or pet_emergency_passage(self.kb, language)
            passages = [] if found_pet is None else [found_pet]
            text = "\n\n".join([text, *(p.entry.answer or "" for p in passages)])
        else:
            text, passages = emergency_reply.compose(
                text, message, language, top=top, entries=self.kb.index.entries,
                number=number, abroad=abroad, others=self._other_numbers(language),
            )  # fmt: skip
            # said before the business's entry too, which may stand in for kefu's first line
            text = _in_writers_language(message, text)
        return Plan(
            "curated" if passages else "declined",
            language,
            passages,
            confidence,
            handoff=True,
            text=text,
            reason="pet emergency" if pet else "emergency",
        )

    def _safety_plan(
        self, kind: str, message: str, language: str, found: list[Passage], confidence: float
    ) -> Plan:
        """Fixed safe text and a person; the business's confident FAQ answer may follow."""
        key = FIXED_REPLY[kind]
        if kind in ("dose", "diagnosis") and for_a_pet(views(message)):
            key += "_pet"  # a vet, not "your pharmacist or doctor"
        if kind == "fraud" and asks_for_mule_fraud(views(message)):
            key += "_mule"  # what it looks like and the risk to the customer, said plainly
        if kind == "scam" and staff_scam(views(message)):
            key += "_staff"  # stop, what we never ask, our own channels: not the loan scripts
        sextortion = kind == "romance_scam" and is_sextortion(views(message))
        if sextortion:
            key = "safety_sextortion"  # "do not pay" first, the crime named
        if kind == "safeguarding" and writes_as_minor(views(message)):
            key += "_young"  # to the young person, not to a parent about "the child"
        text = self._reply(key, language)
        if kind == "romance_scam":
            return self._romance_plan(text, message, language, confidence, sextortion)
        if kind == "eating_disorder":
            # a helpline for the place (Butterfly beside 000), else its crisis lines; no FAQ
            # entry: the nearest one (class bookings) answers nothing here
            number = self.settings.emergency_number_for(language)
            others = self._other_numbers(language)
            lines = eating_lines(message, language, configured=number, others=others)
            return Plan("declined", language, [], confidence, True, f"{text}\n\n{lines}", kind)
        if kind in ("safeguarding", "misconduct"):
            # The business's own child-safety or complaints route, found by what it says; never
            # the closest rule quoted alone ("Adults may not ask players under 18 for photos…")
            # nor the nearest FAQ ("the carer took mum's money" found "Possibly. The council…").
            entries = self.kb.index.entries
            found_entry = (
                child_safety_passage(entries, language)
                if kind == "safeguarding"
                else misconduct_passage(entries, language)
            )
            if found_entry is None:
                return Plan("declined", language, [], confidence, True, text, reason=kind)
            passage, shown = found_entry
            text = f"{text}\n\n{shown}"
            return Plan("curated", language, [passage], confidence, True, text, reason=kind)
        # A threat: whatever entry is nearest (a ban appeal, the office address) answers nothing.
        no_faq = kind in ("fraud", "prescription", "threat")
        top = None if no_faq else self._confident_faq(found, confidence, language)
        # a refund or replacement written for another situation must not read as the promise
        if kind == "promise" and top is not None:
            entry = top.entry
            if not may_follow_promise(message, entry.text, entry.answer or entry.text):
                top = None
        # A scam's nearest entry may be the how-to the scammer wants ("注销校园贷怎么操作" finds
        # closing an account): only the business's own scam warning may follow the fixed text.
        if kind == "scam" and top is not None and not _SCAM_ENTRY.search(_said(top)):
            top = None
        if top is None:
            return Plan("declined", language, [], confidence, True, text, reason=kind)
        answer = top.entry.answer or top.entry.text
        if kind in ("diagnosis", "dose"):
            answer = without_lead(answer)  # "Yes." after "I can't diagnose" reads as "it is"
        return Plan("curated", language, [top], confidence, True, f"{text}\n\n{answer}", kind)

    def _romance_plan(
        self, text: str, message: str, language: str, confidence: float, sextortion: bool
    ) -> Plan:
        """The fixed steps, the police number for where the customer is, then the business's
        own entry on sextortion or on being asked for money, found by what it says and shown
        whole; never the nearest entry (a ban appeal, a refund), and never the ambulance."""
        numbers = (self.settings.emergency_number_for(language), *self._other_numbers(language))
        police = police_line(message, language, numbers)
        text = f"{text}\n\n{police}" if police else text
        found = romance_passage(self.kb.index.entries, language, sextortion=sextortion)
        if found is None and sextortion:  # a money entry still says "do not pay, report"
            found = romance_passage(self.kb.index.entries, language, sextortion=False)
        if found is None:
            return Plan("declined", language, [], confidence, True, text, reason="romance_scam")
        passage, shown = found
        text = f"{text}\n\n{shown}"
        return Plan("curated", language, [passage], confidence, True, text, "romance_scam")

    def _confident_faq(
        self, found: list[Passage], confidence: float, language: str
    ) -> Passage | None:
        top = found[0] if found else None
        if top is None or top.entry.kind != "faq" or confidence < self._curated_threshold():
            return None
        # Safety text in one language followed by (or replaced with) an entry in another
        # would leave the customer with guidance they may not read.
        if top.entry.language in ("en", "zh") and top.entry.language != language:
            return None
        return top

    def _curated_threshold(self) -> float:
        configured = self.settings.curated_threshold
        return self.confidence.curated_threshold if configured is None else configured


def safe_history(history: list[ChatMessage]) -> list[ChatMessage]:
    """Earlier turns for the prompt, without attempts to steer the assistant (and the replies
    to them): a multi-turn attack must not reach the model through the history."""
    out: list[ChatMessage] = []
    skip_reply = False
    for m in history:
        if m.role == "user":
            skip_reply = triage(m.content) == "injection"
            if not skip_reply:
                out.append(m)
        elif not skip_reply:
            out.append(m)
    return out


def _said(passage: Passage) -> str:
    """An FAQ entry's question and answer together."""
    return f"{passage.entry.text}\n{passage.entry.answer or ''}"


def _in_writers_language(message: str, text: str) -> str:
    """``text`` led by its first sentence in Korean or Japanese for a message written in them
    (`kefu.dialogue.emergency_native`); the reply as before follows."""
    native = native_first(message, need(message), self_harm=about_self_harm(message))
    return text if native is None else f"{native}\n\n{text}"
