"""The model's answer to a turn, streamed through the grounding gate a sentence at a time, and
the extractive answer (a quote of the best passage) where the model may not write. A mixin of
`kefu.dialogue.assistant.Assistant`, kept apart so that the turn's flow stays a readable size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kefu.dialogue import messages
from kefu.dialogue.extractive import extract_answer
from kefu.dialogue.safety_plans import safe_history
from kefu.types import ChatMessage, Passage

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.dialogue.policy import Plan
    from kefu.knowledge.base import KnowledgeBase
    from kefu.llm.base import ChatModel


class Generation:
    """`Assistant._generate` and `Assistant._extract`, a mixin."""

    settings: Settings  # set by `Assistant.__init__`
    kb: KnowledgeBase

    @property
    def llm(self) -> ChatModel:  # `Assistant.llm`, loaded on first use
        raise NotImplementedError

    def _generate(self, message: str, plan: Plan, history: list[ChatMessage]) -> Iterator[str]:
        """Stream the model's answer through the grounding gate, a sentence at a time."""
        from kefu.dialogue.grounding import GroundedSentences, join_approved
        from kefu.dialogue.prompts import build_messages
        from kefu.guard.output import OutputCheck

        prompt = build_messages(message, plan.passages, safe_history(history))
        if self.settings.redact_pii_remote and self.llm.info.backend == "openai":
            # A remote model sees no personal data; the local model runs in this process.
            from kefu.guard import redact

            prompt = [ChatMessage(m.role, redact(m.content)) for m in prompt]
        stream = self.llm.stream(
            prompt,
            max_tokens=self.settings.llm_max_tokens,
            temperature=self.settings.llm_temperature,
        )
        if not self.settings.grounding_check:
            yield from stream
            return
        gate = GroundedSentences(
            plan.passages,
            self.kb.tokenizer,
            question=message,
            check=OutputCheck(_trusted_texts(plan.passages)),
        )
        held: list[str] = []  # fillers ("Sure!") wait until a sentence with a checked claim
        said = False
        # A reply that only says again what the last one said ("2 pieces 32 kg each" asked
        # "and for Saver?" after Business) answers the earlier question, not this one: it waits
        # until it says something new, and said nothing new, it is no answer.
        last = _last_reply(history, message)
        try:
            for piece in stream:
                held.extend(gate.feed(piece))
                if gate.substantive and held and not _only_repeats(held, said, last):
                    yield join_approved(held, said)
                    said, held, last = True, [], ""
                if gate.stopped:
                    break
        finally:
            close = getattr(stream, "close", None)  # stops the model as soon as the gate does
            if callable(close):
                close()
        held.extend(gate.close())
        if gate.substantive and held and not _only_repeats(held, said, last):
            yield join_approved(held, said)
        # Nothing substantive survived: stream() then quotes the sources instead.

    def _extract(self, message: str, plan: Plan, *, traditional: bool = False) -> str:
        if not plan.passages:
            return messages.in_script(messages.reply("decline", plan.language), traditional)
        tokens = self.kb.tokenizer.tokenize(message)
        top = plan.passages[0]
        body = extract_answer(tokens, top, self.kb.tokenizer)
        template = messages.reply("extractive_prefix", plan.language)
        prefix = messages.in_script(template, traditional).format(title=top.entry.title)
        return f"{prefix}{body}" if top.entry.title else body


def _trusted_texts(passages: list[Passage]) -> list[str]:
    # The id is trusted too: the model cites it ("[sh-1]").
    return [f"[{p.entry.id}] {p.entry.title}\n{p.entry.display_text}" for p in passages]


def _last_reply(history: list[ChatMessage], message: str) -> str:
    """The last reply, where this message asks something else than the one it answered (the
    same question asked again may get the same answer)."""
    users = [m.content for m in history if m.role == "user"]
    if not users or users[-1].strip() == message.strip():
        return ""
    return next((m.content for m in reversed(history) if m.role == "assistant"), "")


def _only_repeats(held: list[str], said: bool, last: str) -> bool:
    """Whether the held sentences, the first of the reply, say nothing ``last`` did not."""
    if said or not last:
        return False
    squash = "".join(last.split()).casefold()
    text = "".join("".join(held).split()).casefold().rstrip(".。!！")
    return bool(text) and text in squash
