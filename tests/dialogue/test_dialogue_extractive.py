"""Extractive answers quote the passage sentences that overlap the question."""

from __future__ import annotations

import pytest

from kefu.dialogue.extractive import extract_answer, split_sentences
from kefu.text.tokenize import MixedTokenizer
from kefu.types import Entry, Passage

EN = (
    "Our store opens at nine. Parking is free for customers. Gift wrapping costs two dollars. "
    "Refunds are sent to the original card within ten days. We also sell coffee."
)
ZH = "门店早上九点开门。顾客停车免费。礼品包装收费两元。退款会在十天内退回原支付卡。我们也卖咖啡。"


@pytest.fixture(scope="module")
def tok() -> MixedTokenizer:
    return MixedTokenizer()


def _passage(text: str) -> Passage:
    return Passage(Entry("doc#1", "chunk", text, title="Store"), score=1.0)


def test_split_sentences_en_and_zh() -> None:
    assert split_sentences(EN)[3] == "Refunds are sent to the original card within ten days."
    assert len(split_sentences(EN)) == 5
    assert split_sentences(ZH) == [
        "门店早上九点开门。",
        "顾客停车免费。",
        "礼品包装收费两元。",
        "退款会在十天内退回原支付卡。",
        "我们也卖咖啡。",
    ]


def test_english_picks_the_overlapping_sentence(tok: MixedTokenizer) -> None:
    q = tok.tokenize("When will my refund reach my card?")
    out = extract_answer(q, _passage(EN), tok)
    assert "Refunds are sent to the original card within ten days." in out
    assert "coffee" not in out  # text comes from the passage, in document order
    assert out in EN or all(s in EN for s in split_sentences(out))


def test_chinese_picks_the_overlapping_sentence_without_spaces(tok: MixedTokenizer) -> None:
    q = tok.tokenize("退款多久退回支付卡？")
    out = extract_answer(q, _passage(ZH), tok)
    assert "退款会在十天内退回原支付卡。" in out
    assert " " not in out
    assert "咖啡" not in out


def test_max_chars_limits_the_quote_but_keeps_the_best_sentence(tok: MixedTokenizer) -> None:
    q = tok.tokenize("When will my refund reach my card?")
    out = extract_answer(q, _passage(EN), tok, max_chars=60)
    assert out == "Refunds are sent to the original card within ten days."


def test_passage_without_sentence_text_falls_back_to_prefix(tok: MixedTokenizer) -> None:
    assert extract_answer(["x"], _passage("   "), tok) == "   "[:400]


def test_sentences_without_overlap_are_not_quoted(tok: MixedTokenizer) -> None:
    q = tok.tokenize("When will my refund reach my card?")
    out = extract_answer(q, _passage(EN), tok)
    assert "opens at nine" not in out
    assert "Parking" not in out


STEPS = (
    "Follow these steps in order:\n\n"
    "1. Check that the router's power light is on.\n"
    "2. Look at the LOS light. If it is red, check the fibre cable.\n"
    "3. Restart the router: unplug it, wait 30 seconds, and plug it back in.\n"
    "4. Wait 3 minutes until the PON light is steady green.\n"
    "5. If there is still no internet, report a fault in the app.\n\n"
    "Faults are usually fixed within two working days."
)


def test_a_step_of_a_procedure_brings_the_whole_list(tok: MixedTokenizer) -> None:
    # A black-box tester got steps 1 and 6 of six for "no internet on any device".
    answer = extract_answer(
        tok.tokenize("There is no internet, what do I do?"), _passage(STEPS), tok
    )
    lines = answer.splitlines()
    assert lines[0] == "Follow these steps in order:"
    assert [line[:2] for line in lines[1:]] == ["1.", "2.", "3.", "4.", "5."]


def test_a_sentence_outside_the_list_is_quoted_alone(tok: MixedTokenizer) -> None:
    answer = extract_answer(tok.tokenize("How soon are faults fixed?"), _passage(STEPS), tok)
    assert "two working days" in answer and "1." not in answer
