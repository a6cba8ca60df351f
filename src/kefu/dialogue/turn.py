"""A customer turn between its two phases: planned (retrieval, triage, policy), not yet answered.

`Assistant.prepare` makes one; `Assistant.respond` answers it. The service plans under a lock
over the shared index and generates under another over the local model, so a turn that needs
no model (curated, declined, smalltalk, extractive) never waits behind one that does.
"""

from __future__ import annotations

from dataclasses import dataclass

from kefu.dialogue.policy import Plan
from kefu.types import ChatMessage


@dataclass
class PreparedTurn:
    message: str  # cleaned, as stored
    words: str  # what the answer reads (markup reduced to its words)
    history: list[ChatMessage]
    plan: Plan
    notice: str  # said before the reply (card data, claim outcome)
    session_id: str | None
    started: float  # time.perf_counter() at the start of the turn
    traditional: bool = False  # kefu's own words in traditional characters (kefu.text.script)

    @property
    def needs_model(self) -> bool:
        return self.plan.mode == "generated"

    def without_model(self, reason: str = "model busy") -> None:
        """Answer without the language model, as the policy does for a language the model
        lacks: the top passage, quoted (docs/service.md, "Busy model")."""
        if self.plan.mode == "generated":
            self.plan.mode = "extractive"
            self.plan.passages = self.plan.passages[:1]
            self.plan.reason = reason
