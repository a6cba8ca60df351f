"""Numeric ranges ("2-4 working days", "3至5个工作日") for the grounding gate.

The gate's number check reads a range as its two ends, each on its own: "International Express
takes 2-3 working days" passed because some source sentence holds a 2 and a 3 ("Delivery from
Hong Kong to mainland China takes 2-3 working days"), although Express's own sentence says 2-4
(SmolLM2-135M, black-box tester P). A range is one fact: it must appear as a unit in a source
sentence about what the claim (or, for a bare "2-3 days", the question) names.
"""

from __future__ import annotations

import re

# "2-4", "2–4", "2 — 4", "2~4", "2 to 4", "3至5", "3到5". Not part of a longer chain of numbers
# (dates "2026-11-01", phone numbers, times "9:00-17:00", fractions "1/2-3").
_RANGE = re.compile(
    r"(?<![\d.,:/\-–—])(\d+(?:\.\d+)?)\s*(?:[-–—~～至到]|\bto\b)\s*(\d+(?:\.\d+)?)(?![\d:/\-–—]|\.\d)",
    re.IGNORECASE,
)


def ranges(text: str) -> set[tuple[float, float]]:
    """The ranges in ``text`` as (low, high); a pair whose first end is not the smaller is no
    range ("7-3" in a code, "24-7")."""
    out = set()
    for low, high in _RANGE.findall(text):
        a, b = float(low), float(high)
        if a < b:
            out.add((a, b))
    return out


def show(span: tuple[float, float]) -> str:
    return "-".join(f"{end:g}" for end in span)


def foreign_range(
    claim: str,
    claim_terms: set[str],
    question: str,
    question_terms: set[str],
    sources: list[tuple[set[tuple[float, float]], set[str]]],
    names: set[str],
) -> str | None:
    """Why a range in ``claim`` is not the one its sources give; None when every range is.

    ``sources`` holds each source sentence's ranges and terms; ``names`` the words the sources
    capitalise mid-sentence (places, plans, services). A range must be in some source sentence
    as a unit, and one of those sentences must be about what the claim names (the question's
    names when the claim has none): it holds them all, or names nothing else ("2-3 days" asked
    of Singapore comes from the sentence about mainland China, which lacks Singapore).
    """
    asked = ranges(question)
    # What the claim names, or for a bare "2-3 days" what the question names.
    context = claim_terms & names or question_terms & names
    given = claim_terms | question_terms
    for span in sorted(ranges(claim) - asked):
        held = [terms for spans, terms in sources if span in spans]
        if not held:
            return f"a range the sources do not give as one: {show(span)}"
        if context and not any(context <= terms or not (terms & names) - given for terms in held):
            return f"a range from a sentence about something else: {show(span)}"
    return None
