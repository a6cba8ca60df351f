"""Quantities read against what they measure, for the grounding gate.

A black-box tester's airline (2026-12-01) got "Cabin bag size limit: 7 kg." from a source
giving the cabin bag's size (56 x 36 x 23 cm) and its weight (7 kg) in one sentence: every word
and number of the claim is in the sources, but the claim gives a weight as the size. A clause
that names what it measures (size, weight, volume) and gives a quantity only in another
measure's unit is no fact the sources state.
"""

from __future__ import annotations

import re

# What a clause says it measures, and the units of each measure. English words whole; Chinese
# only words that mean nothing else (重 alone is in 重要, 重新; 米 alone in 大米).
_MEASURES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "size": (
        re.compile(
            r"\b(?:sizes?|dimensions?|measures?|measuring|length|width|height|depth|tall|wide)\b"
            r"|尺寸|大小|规格|規格|长宽高|長寬高",
            re.IGNORECASE,
        ),
        re.compile(
            r"\d\s*(?:cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?|inch(?:es)?|厘米|公分|毫米)"
            r"(?![a-z])|\d\s*(?:m|metres?|meters?)\b|\d\s*米(?!饭)",
            re.IGNORECASE,
        ),
    ),
    "weight": (
        re.compile(r"\b(?:weights?|weigh(?:s|ing)?|heavy|heavier)\b|重量|多重", re.IGNORECASE),
        re.compile(
            r"\d\s*(?:kgs?|kilo(?:gram)?s?|grams?|g|lbs?)\b|\d\s*(?:公斤|千克|克|斤)", re.IGNORECASE
        ),
    ),
    "volume": (
        re.compile(r"\b(?:volume|capacity)\b|容量|容积|容積", re.IGNORECASE),
        re.compile(
            r"\d\s*(?:ml|l|lit(?:er|re)s?|millilit(?:er|re)s?)\b|\d\s*(?:毫升|升)", re.IGNORECASE
        ),
    ),
}


def mismeasured(clause: str) -> str | None:
    """What ``clause`` gives in the wrong unit ("size in weight"), or None.

    Only a clause that names what it measures and gives quantities in none of its units: "bags
    may weigh 7 kg and measure 56 x 36 x 23 cm" names both and gives both."""
    named = {m for m, (words, _) in _MEASURES.items() if words.search(clause)}
    given = {m for m, (_, units) in _MEASURES.items() if units.search(clause)}
    if named and given and not named & given:
        return f"gives a {sorted(given)[0]} as the {sorted(named)[0]}"
    return None
