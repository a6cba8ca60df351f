"""The sentence forms the grounding gate reads (`kefu.dialogue.grounding`): where a sentence
ends, a citation, meta talk ("The answer is:"), negation, clauses, list and section markers, the
prompt's layout echoed, names, and yes/no questions. Kept apart from the gate's checks so each
module stays one idea: these say what a piece of text is, the gate decides what to let through.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？!?；;])|\n\s*\n")
CITATION = re.compile(r"\[([^\[\]]{1,80})\]")
ID_LIKE = re.compile(r"[\w.#:/-]+")
# Small models open with meta talk ("The answer to the question is:"); it is neither a claim nor
# a reason to stop, so it is dropped before the check and from what the customer sees.
META = re.compile(
    r"^(the )?(answer|response)( to (the|this|your) question)?( is)?\s*[:：]\s*|"
    r"^answer\s*[:：]\s*|"
    r"^(the )?(answer|response)( to (the|this|your) question)? is\s+(?=(yes|no)\b)",
    re.IGNORECASE,
)
# Polarity. Chinese 不 also starts words that negate nothing (不同 "different", 不错 "good").
NEGATION = re.compile(
    r"\b(not|no|never|none|nothing|nobody|neither|nor|cannot|without)\b|n't\b|"
    r"不(?!同|错|过|仅|但|少|久|断|管|论|客气)|没|无法|无需|无须|未|别|勿|禁止",
    re.IGNORECASE,
)
# Clauses for what a number is bound to: "10,000" and "3.5" stay whole.
BIND_PART = re.compile(r"[;，；]\s*|,\s+|\s+(?:but|while|whereas)\s+", re.IGNORECASE)
CLAUSE = re.compile(r"[,;:，；：]\s*|\s+(?:but|while|whereas)\s+", re.IGNORECASE)
# Clauses with a colon kept inside: what follows a colon is the value of what precedes it
# ("Prices per day of an EV in Singapore: 8 / CNY 40 per day").
PART = re.compile(r"[,;，；]\s*|\s+(?:but|while|whereas)\s+", re.IGNORECASE)
# A list item's number ("1.", "2)", "3、"): no quantity, and on its own no sentence either.
MARKER = re.compile(r"^\s*\d{1,2}(?:[.)](?:\s+|$)|、)")  # not "1.5 million"
# A heading's section number: "2.", "4.2", "第三条", "三、", "（二）".
HEADING_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?\s|第[一二三四五六七八九十百\d]{1,4}[条章节]\s*"
    r"|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)
BARE_MARKER = re.compile(r"^\s*\d{1,2}[.)、]\s*$")
# The prompt's own layout echoed, on any line of a sentence (a model that copies its input
# instead of answering shows the customer the raw block, often after a label of its own:
# "Prices:\n[id] title\n..."): the "Sources:" and "Question: ..." lines, or a passage's
# "[id] title" line (a title path "A > B" or a title after a citation, or a line that starts
# with a citation and has more lines after it).
LAYOUT = re.compile(r"^\s*(?:sources?|question)\s*[:：]", re.IGNORECASE | re.MULTILINE)
SOURCE_LINE = re.compile(r"\[[^\[\]\n]{1,80}\][ \t]*([^\n]*)(\n)?")
# A name: a capitalised word that does not start a sentence or a line ("at Riverside only").
NAME = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][A-Za-z]+")
# A yes/no question: a statement made of its words answers it ("请先关闭电源再清洁" for "要先
# 关闭电源吗？"); a statement made of a wh-question's words only repeats it.
POLAR_QUESTION = re.compile(
    r"^\W*(?:can|could|do|does|did|is|are|am|was|were|will|would|should|shall|may|must|have|"
    r"has|had)(?:n't)?\b|吗\W*$|是否|(\w)不\1",
    re.IGNORECASE,
)
POLAR = re.compile(r"\b(yes|no|yeah|nope)\b|^(是的|对|可以|不可以|不行|能|不能)[，。！,.!]", re.I)


# Words a faithful paraphrase adds without adding a fact ("Gift wrapping costs $4.99" for "...
# for $4.99"). Kept short: every word here is one the gate no longer checks.
PARAPHRASE_WORDS = (
    "cost costs price pay use make take help able simply sure happy possible available "
    "required check go see find get need want like also just please thanks"
)


def squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def split_clauses(sentence: str) -> list[str]:
    return [c for c in CLAUSE.split(sentence) if c.strip()] or [sentence]


def repeats_a_line(sentence: str) -> bool:
    """Whether a line comes back within one sentence (a loop with single line breaks, which
    the sentence split does not cut)."""
    lines = [squeeze(line) for line in sentence.splitlines()]
    lines = [line for line in lines if line]
    return len(lines) != len(set(lines))


def is_negated(text: str) -> bool:
    return bool(NEGATION.search(text))
