"""Which words a negation governs, for the grounding gate's polarity check.

The gate's clause check (`kefu.dialogue.grounding`) asks whether a clause of the source
sentence with the claim's words carries a negation as the claim does. That is too coarse when the
source's negation is about something else: "we may sell your collateral without further notice"
has a "without", so it backed "You will not force sell my shares" (SmolLM2-135M, black-box
tester S), the opposite of the margin rules. Here a negation cue governs the words that follow
it in its clause (its scope), and most tightly the first one or two (its target: "not *force
sell*", "without *further notice*", "不能*转出*"). A claim is flipped when

- it negates a word its source sentence uses but does not negate (the target of one of the
  claim's cues is in the source sentence, outside every negation's scope there), or
- it states affirmatively the word its source sentence negates (the target of a source cue is
  one of the claim's words, outside every negation's scope in the claim).

The target is one or two words, the scope the rest of the clause: a paraphrase that moves the
object ("You cannot return opened items" for "Opened items cannot be returned") still finds
its verb in the source's scope. The source side takes only the first word after a cue: a
claim that leaves out a condition the source negates ("Items that are not damaged can be
returned" -> "Undamaged items can be returned") shares "returned", not "damaged".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Terms = Callable[[str], list[str]]

# The claim's cue governs this many of the words after it, the source's this many.
CLAIM_TARGET = 2
SOURCE_TARGET = 1


def _cues(clauses: Iterable[str], negation: re.Pattern[str]) -> list[tuple[str, int]]:
    """(clause, end of a negation cue in it) for every cue."""
    return [(c, m.end()) for c in clauses for m in negation.finditer(c)]


def targets(clauses: Iterable[str], negation: re.Pattern[str], terms: Terms, n: int) -> set[str]:
    """The first ``n`` words after each negation cue, within its clause."""
    out: set[str] = set()
    for clause, end in _cues(clauses, negation):
        out.update(terms(clause[end:])[:n])
    return out


def scope(clauses: Iterable[str], negation: re.Pattern[str], terms: Terms) -> set[str]:
    """Every word after a negation cue, within its clause."""
    out: set[str] = set()
    for clause, end in _cues(clauses, negation):
        out.update(terms(clause[end:]))
    return out


def affirmed(clauses: Iterable[str], negation: re.Pattern[str], terms: Terms) -> set[str]:
    """Every word before the first negation cue of its clause (all of a clause without one)."""
    out: set[str] = set()
    for clause in clauses:
        cue = negation.search(clause)
        out.update(terms(clause[: cue.start()] if cue else clause))
    return out


def flipped(
    claim: list[str],
    source: list[str],
    claim_terms: set[str],
    source_terms: set[str],
    negation: re.Pattern[str],
    terms: Terms,
) -> str | None:
    """The word whose polarity the claim turns against its source sentence, or None.

    ``claim`` and ``source`` are the two sentences' clauses, ``terms`` the gate's word
    tokenizer (ordered)."""
    # A word that a sentence uses both ways ("Refunds go to the original card; we cannot refund
    # to another") is no evidence either way.
    negated = targets(claim, negation, terms, CLAIM_TARGET) & source_terms
    negated -= affirmed(claim, negation, terms)
    if negated and not negated & scope(source, negation, terms):
        return sorted(negated)[0]
    denied = targets(source, negation, terms, SOURCE_TARGET) & claim_terms
    denied -= affirmed(source, negation, terms)
    if denied and not denied & scope(claim, negation, terms):
        return sorted(denied)[0]
    return None
