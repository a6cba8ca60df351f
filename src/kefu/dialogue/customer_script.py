"""The script a customer writes Chinese in, and kefu's own words written in it.

A Hong Kong or Taiwan customer who writes traditional characters gets kefu's fixed texts
(declines, handoffs, emergency and safety replies, the quote lead-in) in traditional too,
converted in one place when a turn is planned; the business's answers, passages and titles
stay exactly as written (`kefu.dialogue.messages.in_script`). Kept out of
`kefu.dialogue.assistant` so the turn's flow stays a readable size: `Assistant` inherits
`CustomerScript` as it does `SafetyPlans`.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from kefu.dialogue import messages
from kefu.dialogue.abroad import writes_cantonese
from kefu.text.script import Script, customer_script, script_of

if TYPE_CHECKING:
    from kefu.dialogue.policy import Plan
    from kefu.knowledge.base import KnowledgeBase
    from kefu.types import ChatMessage, Passage


class CustomerScript:
    """`Assistant.in_customer_script` and the script of the business's knowledge, a mixin."""

    kb: KnowledgeBase  # set by `Assistant.__init__`
    # (index, its entry count, the script found): worked out once per loaded index.
    _script_of_index: tuple[object, int, Script] | None = None

    def in_customer_script(self, plan: Plan, message: str, history: list[ChatMessage]) -> bool:
        """Write ``plan``'s text in the script the customer writes Chinese in, and say whether
        that is traditional: kefu's own words converted, the business's answers, passages and
        titles in it kept as written (`messages.in_script`). The one place a turn's fixed
        text changes script; English replies are left alone."""
        if plan.language != "zh":
            return False
        earlier = [m.content for m in history if m.role == "user"]
        traditional = customer_script(message, earlier, self._knowledge_script()) == "traditional"
        # Hong Kong forms (這裏, 説明) for a customer who writes Cantonese; Taiwan's otherwise.
        hong_kong = any(writes_cantonese(text) for text in (message, *earlier))
        quoted = quoted_texts(plan.passages)
        plan.text = messages.in_script(plan.text, traditional, quoted, hong_kong=hong_kong)
        return traditional

    def _knowledge_script(self) -> Script:
        """The script the business's Chinese knowledge is written in, for a message that shows
        none; worked out once per loaded index."""
        index = self.kb.index
        cached = self._script_of_index
        if cached is not None and cached[0] is index and cached[1] == len(index.entries):
            return cached[2]
        zh = (e.answer or e.text for e in index.entries if e.language == "zh")
        found: Script = script_of("".join(itertools.islice(zh, 200))) or "simplified"
        self._script_of_index = (index, len(index.entries), found)
        return found


def quoted_texts(passages: list[Passage]) -> list[str]:
    """What a reply may quote from ``passages``, to be kept in the business's own script."""
    return [t for p in passages for t in (p.entry.answer or "", p.entry.text, p.entry.title) if t]
