"""The grounding gate releases generated sentences only while the sources support them."""

from __future__ import annotations

import pytest

from kefu.dialogue.grounding import GroundedSentences
from kefu.text.tokenize import MixedTokenizer
from kefu.types import Entry, Passage

SOURCE = (
    "You can add gift wrapping to any item at checkout for $4.99 per item. Gift-wrapped items "
    "can be returned within 30 days; the gift wrap fee is not refunded."
)


@pytest.fixture(scope="module")
def tok() -> MixedTokenizer:
    return MixedTokenizer()


def _gate(tok: MixedTokenizer) -> GroundedSentences:
    passage = Passage(Entry("help#1", "chunk", SOURCE, title="Gift wrapping"), score=1.0)
    return GroundedSentences([passage], tok)


def test_supported_sentences_pass_one_at_a_time(tok: MixedTokenizer) -> None:
    gate = _gate(tok)
    out = []
    for piece in [
        "Gift wrapping costs $4.99 per ",
        "item [help#1]. Gift-wrapped items can be ",
        "returned within 30 days.",
    ]:
        out += gate.feed(piece)
    assert out == ["Gift wrapping costs $4.99 per item [help#1]."]  # second still open
    out += gate.close()
    assert out[-1] == "Gift-wrapped items can be returned within 30 days."
    assert gate.substantive == 2 and not gate.stopped


def test_unsupported_claim_stops_generation(tok: MixedTokenizer) -> None:
    gate = _gate(tok)
    out = gate.feed(
        "Gift wrapping costs $4.99 per item. We also offer free express shipping "
        "to Canada and a lifetime warranty on every order. "
    )
    assert out == ["Gift wrapping costs $4.99 per item."]
    assert gate.stopped
    assert gate.rejected is not None and "warranty" in gate.rejected
    assert gate.feed("More text.") == []  # nothing passes after a stop


def test_near_repetition_stops_generation(tok: MixedTokenizer) -> None:
    gate = _gate(tok)
    out = gate.feed(
        "You can return gift-wrapped items within 30 days. "
        "You can also return gift-wrapped items within 30 days. "
    )
    assert len(out) == 1 and gate.stopped


def test_fillers_pass_but_are_not_substantive(tok: MixedTokenizer) -> None:
    gate = _gate(tok)
    assert gate.feed("Sure! ") == ["Sure!"]
    assert gate.substantive == 0


def test_meta_preamble_is_dropped(tok: MixedTokenizer) -> None:
    gate = _gate(tok)
    out = gate.feed("The answer to the question is: gift wrap costs $4.99 per item. ")
    assert out == ["gift wrap costs $4.99 per item."]
