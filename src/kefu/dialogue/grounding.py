"""Grounding gate for generated answers: pass sentences through only while the sources back them.

A small local model (the bundled SmolLM2-135M) drifts: after a correct first sentence it may
add facts that are in no source, or repeat itself. The gate buffers the token stream, releases
it one sentence at a time, and stops generation at the first substantive sentence whose content
words are mostly absent from the retrieved passages, or at the first repeated sentence. The
customer still sees text stream, a sentence at a time, and never an invented claim we could
have caught by looking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.guard.output import OutputCheck
from kefu.text.tokenize import Tokenizer
from kefu.types import Passage

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？!?；;])")
_CITATION = re.compile(r"\[[^\[\]]{1,80}\]")
# Small models open with meta talk ("The answer to the question is:"); it is neither a claim nor
# a reason to stop, so it is dropped before the check and from what the customer sees.
_META = re.compile(
    r"^(the )?(answer|response)( to (the|your) question)?( is)?\s*[:：]\s*|^answer\s*[:：]\s*",
    re.IGNORECASE,
)


class GroundedSentences:
    def __init__(
        self,
        passages: Sequence[Passage],
        tokenizer: Tokenizer,
        *,
        min_support: float = 0.75,
        min_terms: int = 3,
        check: OutputCheck | None = None,
    ) -> None:
        # Words, not single Chinese characters: nearly any sentence shares characters with a
        # long source, so they would let an unsupported Chinese sentence through.
        self.tokenizer = getattr(tokenizer, "words", tokenizer)
        # Numbers, codes, links, doses, promises and system-prompt quotes the sources lack
        # stop generation too: term overlap alone lets "use code FREE100" through.
        self.check = check
        self.min_support = min_support
        self.min_terms = min_terms
        self.source_terms: set[str] = set()
        for p in passages:
            self.source_terms.update(tokenizer.tokenize(f"{p.entry.title}\n{p.entry.display_text}"))
        self._buffer = ""
        self._seen: list[set[str]] = []
        self.substantive = 0  # approved sentences that make a checked claim
        self.stopped = False
        self.rejected: str | None = None  # the sentence that stopped generation, for logs

    def feed(self, piece: str) -> list[str]:
        """Add generated text; returns the sentences now approved for the customer."""
        if self.stopped:
            return []
        self._buffer += piece
        parts = _SENTENCE_END.split(self._buffer)
        complete, self._buffer = parts[:-1], parts[-1]
        return self._approve(complete)

    def close(self) -> list[str]:
        """The unfinished last sentence, if it passes too."""
        rest, self._buffer = self._buffer, ""
        return self._approve([rest]) if rest.strip() else []

    def terms(self, sentence: str) -> set[str]:
        return set(self.tokenizer.tokenize(_CITATION.sub(" ", sentence)))

    def support(self, sentence: str) -> float:
        terms = self.terms(sentence)
        if len(terms) < self.min_terms:
            return 1.0  # "Sure!", "Happy to help." carry no claim to check
        return len(terms & self.source_terms) / len(terms)

    def _repeats(self, terms: set[str]) -> bool:
        # Small models loop with slight variations ("You can also return ..."): treat a sentence
        # whose terms mostly repeat an earlier sentence's as a repetition.
        for seen in self._seen:
            union = terms | seen
            if union and len(terms & seen) / len(union) >= 0.7:
                return True
        return False

    def _approve(self, sentences: list[str]) -> list[str]:
        out: list[str] = []
        for raw in sentences:
            sentence = _META.sub("", raw.strip()).strip()
            if not sentence or self.stopped:
                continue
            terms = self.terms(sentence) or {sentence.casefold()}
            unsafe = self.check is not None and not self.check.allows(sentence)
            if unsafe or self._repeats(terms) or self.support(sentence) < self.min_support:
                self.stopped = True
                self.rejected = sentence
                break
            self._seen.append(terms)
            if len(terms) >= self.min_terms:
                self.substantive += 1
            out.append(sentence)
        return out
