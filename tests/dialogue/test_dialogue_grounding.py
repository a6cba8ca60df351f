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


def _gate_over(tok: MixedTokenizer, text: str, question: str, title: str = "") -> GroundedSentences:
    from kefu.dialogue.generation import _trusted_texts
    from kefu.guard.output import OutputCheck

    passages = [Passage(Entry("doc#2", "chunk", text, title=title), score=1.0)]
    return GroundedSentences(
        passages, tok, question=question, check=OutputCheck(_trusted_texts(passages))
    )


# What SmolLM2-135M wrote for black-box testers' questions (devsets/blackbox), each with its
# source: the words are the source's, the claim is not.
CONTRADICTIONS = [
    (
        "Fee table. Plan Fee per remaining month Maximum fee Fibre 500 ¥40 ¥480",
        "How much is the early termination fee for Fibre 500?",
        "The early termination fee for Fibre 500 is 20 euros.",
        "amount not in the sources",
    ),
    (
        "Tethering on Mobile Unlimited is limited to 20 GB per month.",
        "Is tethering limited on Mobile Unlimited?",
        "No, tethering is not limited on Mobile Unlimited.",
        "opposite",
    ),
    (
        "Tethering on Mobile Unlimited is limited to 20 GB per month.",
        "Is tethering limited on Mobile Unlimited?",
        "The answer to this question is no.",
        "yes or no",
    ),
    (
        "Store the bike indoors when temperatures drop below zero. E-bike batteries should be "
        "kept at room temperature over the winter.",
        "How should I store my e-bike battery over the winter?",
        "You should store your e-bike battery outdoors during the winter.",
        "words in no source",
    ),
    (
        "Road salt corrodes the chain. After a salty ride, rinse the chain with water and oil it.",
        "What should I do about salt on the roads?",
        "You should not use salt on the roads.",
        "source",
    ),
    (
        "Do not feed your pet after 10 pm the evening before surgery. If the wound is red, "
        "swollen or bleeding after surgery, call the clinic.",
        "What should I do if the wound is bleeding after surgery?",
        "If the wound is bleeding, do not feed your pet after 10 pm the evening before surgery.",
        "joins sentences",
    ),
    (
        "Do not feed your pet after 10 pm the evening before surgery.",
        "When can my pet eat?",
        "[pet_care_en#1] Do not feed your pet after 10 pm the evening before surgery.",
        "not retrieved",
    ),
]


@pytest.mark.parametrize(("source", "question", "generated", "why"), CONTRADICTIONS)
def test_a_sentence_in_the_sources_words_that_says_something_else_stops(
    tok: MixedTokenizer, source: str, question: str, generated: str, why: str
) -> None:
    gate = _gate_over(tok, source, question)
    assert gate.feed(generated + " ") == []
    assert gate.stopped and gate.reason is not None and why in gate.reason


def test_faithful_sentences_pass_negations_included(tok: MixedTokenizer) -> None:
    gate = _gate_over(tok, SOURCE, "Can I return a gift-wrapped item?", title="Gift wrapping")
    out = gate.feed(
        "Yes, gift-wrapped items can be returned within 30 days [doc#2]. "
        "The gift wrap fee is not refunded. "
    )
    assert len(out) == 2 and not gate.stopped
    assert gate.substantive == 2


def test_repeating_the_question_is_not_an_answer(tok: MixedTokenizer) -> None:
    gate = _gate_over(
        tok,
        "If a card payment failed but you were charged, the money returns within 5 days.",
        "A card payment failed but I was charged. What happens?",
    )
    assert gate.feed("A card payment failed but I was charged. ") == [
        "A card payment failed but I was charged."
    ]
    assert gate.substantive == 0  # nothing yet that answers: the assistant would quote instead


# -- a hotel's guide and policies (black-box tester E) -------------------------------------------
HOTEL = (
    "1. Go to the booking page and sign in.\n"
    "2. Choose a new date.\n"
    "Group bookings (5 rooms or more) cannot be changed online; email groups@hotel.example.\n"
    "Harbour Lane Bristol: on-site car park with 30 spaces, GBP 15 per 24 hours."
)


def _hotel_gate(tok: MixedTokenizer) -> GroundedSentences:
    from kefu.dialogue.generation import _trusted_texts
    from kefu.guard.output import OutputCheck

    passages = [Passage(Entry("guide#1", "chunk", HOTEL, title="Bookings"), score=1.0)]
    return GroundedSentences(passages, tok, check=OutputCheck(_trusted_texts(passages)))


def test_the_clause_that_shares_most_words_decides_the_polarity(tok: MixedTokenizer) -> None:
    # The address's "groups" must not back "you can change a group booking online" against
    # the clause that says it cannot be.
    gate = _hotel_gate(tok)
    assert gate.feed("You can change a group booking online. ") == []
    assert gate.reason is not None and "opposite" in gate.reason
    ok = _hotel_gate(tok)
    assert ok.feed("Group bookings cannot be changed online. ") != []


def test_a_list_items_number_is_no_quantity(tok: MixedTokenizer) -> None:
    gate = _hotel_gate(tok)
    assert gate.feed("1. In Bristol, parking is 1. ") == []
    assert gate.reason is not None and "number" in gate.reason
    ok = _hotel_gate(tok)
    assert ok.feed("In Bristol, parking is GBP 15 per 24 hours. ") != []


def test_a_list_number_split_from_its_item_rejoins_it(tok: MixedTokenizer) -> None:
    gate = _hotel_gate(tok)
    out = gate.feed("1. Go to the booking page and sign in. 2. Choose a new date. 3.")
    out += gate.close()
    assert out == ["1. Go to the booking page and sign in.", "2. Choose a new date."]
    from kefu.dialogue.grounding import join_approved

    joined = join_approved(out, False)
    assert joined == "1. Go to the booking page and sign in.\n2. Choose a new date."


def test_a_decimal_number_is_no_list_item() -> None:
    from kefu.dialogue.grounding import join_approved

    assert join_approved(["Fees apply.", "1.5 % is charged."], False) == (
        "Fees apply. 1.5 % is charged."
    )
    assert join_approved(["Steps:", "1. Sign in.", "2、登录"], True) == (
        " Steps:\n1. Sign in.\n2、登录"
    )


PLANS = (
    "The VIP Monthly plan costs 39 yuan for 31 days on 3 devices. The VIP Quarterly plan costs "
    "99 yuan for 93 days on 3 devices. The VIP Yearly plan costs 298 yuan for 366 days on 5 "
    "devices. Verified students can buy the VIP Yearly plan for 198 yuan once a year."
)
CHECKS = (
    "Free blood pressure checks are offered to adults at all branches. Ambulatory 24-hour blood "
    "pressure monitoring is available at Riverside only. We accept used needles in a sharps bin "
    "at Riverside and Northfield."
)


def _one(tok: MixedTokenizer, text: str, question: str = "") -> GroundedSentences:
    passage = Passage(Entry("doc#1", "chunk", text, title="Plans"), score=1.0)
    return GroundedSentences([passage], tok, question=question)


@pytest.mark.parametrize(
    ("claim", "passes"),
    [
        ("The VIP Yearly plan costs 298 yuan for 366 days.", True),
        ("Students can buy the VIP Yearly plan for 198 yuan.", True),
        ("The monthly plan costs 39 yuan, and the yearly plan costs 298 yuan.", True),
        # Each number is in the sources, but in another row than the one the claim matches.
        ("The student price for the VIP Yearly plan is 298 yuan.", False),
        ("The VIP Monthly plan costs 99 yuan for 366 days on 3 devices.", False),
    ],
)
def test_a_number_must_come_from_the_row_the_claim_matches(
    tok: MixedTokenizer, claim: str, passes: bool
) -> None:
    gate = _one(tok, PLANS, "How much is VIP?")
    assert (gate.unsupported(claim) is None) is passes, gate.unsupported(claim)


def test_a_claim_may_not_swap_the_name_its_source_sentence_gives(tok: MixedTokenizer) -> None:
    gate = _one(tok, CHECKS, "is 24 hour blood pressure monitoring available at northfield")
    swapped = "24-hour blood pressure monitoring is available at Northfield."
    assert "northfield" in (gate.unsupported(swapped) or "")
    assert gate.unsupported("24-hour blood pressure monitoring is available at Riverside.") is None
    assert gate.unsupported("We accept used needles at Riverside and Northfield.") is None


def test_an_echo_of_the_prompts_source_block_is_not_an_answer(tok: MixedTokenizer) -> None:
    gate = _one(tok, CHECKS, "where can I get rid of used needles")
    echo = "[doc#1] Plans\nWe accept used needles in a sharps bin at Riverside and Northfield. "
    assert gate.feed(echo) == [] and gate.stopped
    assert gate.reason == "copies the prompt's layout of the sources"
    plain = _one(tok, CHECKS, "where can I get rid of used needles")
    assert plain.feed("We accept used needles in a sharps bin at Riverside [doc#1]. ")


def test_a_number_the_customer_gave_picks_the_row(tok: MixedTokenizer) -> None:
    """ "Fibre 1000" names the plan asked about: its row holds the answer, while the general
    sentence about the fee shares more of the claim's other words."""
    fees = (
        "An early termination fee applies when you end a contract early. Plan: Fibre 500; "
        "Maximum fee: ¥480. Plan: Fibre 1000; Maximum fee: ¥600."
    )
    gate = _one(tok, fees, "What is the maximum fee to end a Fibre 1000 contract early?")
    assert gate.unsupported("The maximum fee to end a Fibre 1000 contract early is ¥600.") is None
    assert gate.unsupported("The maximum fee to end a Fibre 1000 contract early is ¥480.")


# -- a car rental's price page (black-box tester H) ----------------------------------------------
RATES = (
    "Car class: Small; Example model: Kia Picanto or similar; Day rate: EUR 40; Week rate: EUR 240"
    "\n\nCar class: EV; Example model: Renault Zoe or similar; Day rate: EUR 90; Week rate: EUR 540"
)
EXTRAS = "Child seat: EUR 6 / CHF 7 per day, capped at EUR 42 / CHF 49 per rental."


def _rates_gate(tok: MixedTokenizer, question: str) -> GroundedSentences:
    passages = [
        Passage(Entry("prices#1", "chunk", RATES, title="Prices > Berlin (EUR)"), score=1.0),
        Passage(Entry("prices#2", "chunk", EXTRAS, title="Prices > Extras"), score=0.5),
    ]
    return GroundedSentences(passages, tok, question=question)


def test_a_heading_looped_over_blank_lines_is_no_answer(tok: MixedTokenizer) -> None:
    # The model wrote the question back sixteen times with no end punctuation; it reached the
    # customer as one long "sentence" that the repetition check never saw.
    gate = _rates_gate(tok, "Kia Picanto per week Berlin")
    out = gate.feed("Kia Picanto per week Berlin:\n\n" * 4)
    assert gate.stopped and gate.reason == "repeats an earlier sentence"
    # The heading ends in a colon: it waits for what it introduces, and nothing follows.
    assert out == [] and gate.substantive == 0


def test_a_line_looped_within_one_sentence_is_no_answer(tok: MixedTokenizer) -> None:
    gate = _rates_gate(tok, "Kia Picanto week rate")
    gate.feed("Kia Picanto week rate Berlin EUR 240:\nKia Picanto week rate Berlin EUR 240:\n")
    assert gate.close() == [] and gate.reason == "repeats itself"


@pytest.mark.parametrize(
    ("claim", "passes"),
    [
        ("The EV costs EUR 90 per day in Berlin.", True),
        ("The Renault Zoe EV costs EUR 540 per week.", True),
        ("A child seat costs EUR 6 per day, capped at EUR 42 per rental.", True),
        # The child seat's numbers, given as the EV's: their sentence names no EV.
        ("Prices per day of an EV in Berlin: 6 / CHF 7 per day, capped at EUR 42.", False),
    ],
)
def test_a_number_must_come_from_a_sentence_about_what_the_claim_names(
    tok: MixedTokenizer, claim: str, passes: bool
) -> None:
    gate = _rates_gate(tok, "price per day of an EV in Berlin")
    assert (gate.unsupported(claim) is None) is passes, gate.unsupported(claim)


# -- the words a negation governs (black-box tester S, a brokerage's margin rules) ---------------
MARGIN = (
    "5. Forced liquidation\n"
    "If the ratio falls below 130%, or you do not meet a margin call within 2 trading days, we "
    "may sell your collateral without further notice, starting at 14:00 on the trading day.\n"
    "To open a margin account you must have held an account with us for 6 months."
)


def test_a_negation_about_something_else_does_not_back_a_denial(tok: MixedTokenizer) -> None:
    # The source's "without further notice" and "do not meet" negate other words than "sell".
    question = "When will you force sell my shares in a margin account?"
    gate = _gate_over(tok, MARGIN, question)
    assert gate.feed("You will not force sell my shares in a margin account. ") == []
    assert gate.reason is not None and "opposite" in gate.reason
    ok = _gate_over(tok, MARGIN, question)
    assert ok.feed("We may sell your collateral without further notice. ") != []
    assert not ok.stopped


def test_a_claim_that_affirms_what_its_source_negates_stops(tok: MixedTokenizer) -> None:
    source = "申购时无需预先缴款，中签后T+2日16:00前确保账户资金足额。"
    gate = _gate_over(tok, source, "打新要先交钱吗")
    assert gate.feed("申购时需要预先缴款。") == []
    assert gate.reason is not None and "opposite" in gate.reason
    ok = _gate_over(tok, source, "打新要先交钱吗")
    assert ok.feed("申购时无需预先缴款。") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "A helmet is not included, but you get 20% off any helmet bought with a new bike.",
        "Refunds always go to the original payment method; we cannot refund to another card.",
        "不送头盔，但与新车一起购买任何头盔可享8折。",
    ],
)
def test_the_sources_own_sentence_passes_whatever_its_negations(
    tok: MixedTokenizer, sentence: str
) -> None:
    # Read whole, a sentence with a negation in one clause was "the opposite" of its own
    # affirmative clause; 130 of 2,206 dev knowledge sentences were refused word for word.
    gate = _gate_over(tok, sentence, "")
    assert gate.feed(sentence + " ") != []
    assert not gate.stopped


SHIPPING = (
    "We offer two services. International Standard takes 5-8 working days. International "
    "Express takes 2-4 working days and costs 60% more than Standard. Delivery from Hong Kong "
    "to mainland China takes 2-3 working days. Delivery to Singapore takes 3-5 working days."
)


def _shipping_gate(tok: MixedTokenizer, question: str) -> GroundedSentences:
    passage = Passage(Entry("ship#2", "chunk", SHIPPING, title="Shipping > Services"), score=1.0)
    return GroundedSentences([passage], tok, question=question)


def test_a_question_is_dropped_not_shown(tok: MixedTokenizer) -> None:
    # The model restated the customer's question ("What if your item arrives damaged?").
    gate = _shipping_gate(tok, "What if I want Express delivery to Singapore?")
    out = gate.feed("What if you want Express delivery to Singapore? ") + gate.close()
    assert out == [] and gate.substantive == 0 and not gate.stopped
    gate = _shipping_gate(tok, "How long to Singapore?")
    out = gate.feed("Need it sooner? Delivery to Singapore takes 3-5 working days.") + gate.close()
    assert out == ["Delivery to Singapore takes 3-5 working days."] and gate.substantive == 1


def test_restating_a_wh_question_answers_nothing(tok: MixedTokenizer) -> None:
    gate = _shipping_gate(tok, "How long does Express delivery to Singapore take?")
    assert gate.feed("Express delivery to Singapore takes. ")
    assert gate.substantive == 0  # shown only if an answer follows; else the quote applies
    # To a yes/no question the same kind of statement is an answer.
    gate = _shipping_gate(tok, "Does International Express cost more than Standard?")
    gate.feed("International Express costs more than Standard. ")
    assert gate.substantive == 1


@pytest.mark.parametrize(
    "echo",
    [
        "Prices:\n[ship#2] Shipping > Services\nDelivery to Singapore takes 3-5 working days.",
        "Times: [ship#2] Shipping > Services",
        "Delivery to Singapore takes 3-5 working days.\n\nQuestion: and if it is late?",
        "Delivery to Singapore takes 3-5 working days.\nSources:\nWe offer two services.",
    ],
)
def test_the_prompts_layout_on_any_line_is_no_answer(tok: MixedTokenizer, echo: str) -> None:
    gate = _shipping_gate(tok, "and if it is late?")
    out = gate.feed(echo) + gate.close()
    assert gate.stopped and gate.reason == "copies the prompt's layout of the sources"
    assert not any("[ship#2]" in s or "Question:" in s or "Sources:" in s for s in out)


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        # Both ends are in the sources, but as another service's range.
        ("How long does International Express take?", "2-3 working days."),
        ("How long from Hong Kong to Singapore?", "2-3 days."),
        # A range no source sentence gives as one (2 and 8 are both there).
        ("How long does International Standard take?", "Standard takes 2-8 working days."),
    ],
)
def test_a_range_must_be_one_the_source_gives(
    tok: MixedTokenizer, question: str, claim: str
) -> None:
    gate = _shipping_gate(tok, question)
    assert gate.feed(claim + " ") == [] and gate.stopped
    assert gate.reason is not None and "range" in gate.reason, gate.reason


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("How long does International Express take?", "2-4 working days."),
        ("How long does International Express take?", "Express takes 2–4 working days."),
        ("How long from Hong Kong to Singapore?", "Delivery to Singapore takes 3 to 5 days."),
        ("How long does Express take to Singapore?", "Express takes 2-4 working days."),
    ],
)
def test_the_sources_own_range_passes(tok: MixedTokenizer, question: str, claim: str) -> None:
    gate = _shipping_gate(tok, question)
    assert gate.feed(claim + " ") == [claim] and not gate.stopped


def test_a_chinese_range_is_checked_as_a_unit(tok: MixedTokenizer) -> None:
    # Both ends are in the sentence the claim rests on, but not as one range.
    text = "标准快递需要3至5个工作日，周末另加1天。加急快递需要1至2个工作日。"
    passages = [Passage(Entry("zh#1", "chunk", text, title="配送"), score=1.0)]
    good = GroundedSentences(passages, tok, question="标准快递要多久？")
    assert good.feed("标准快递需要3-5个工作日。") == ["标准快递需要3-5个工作日。"]
    bad = GroundedSentences(passages, tok, question="标准快递要多久？")
    assert bad.feed("标准快递需要1至5个工作日。") == [] and bad.stopped


def test_an_introduction_with_nothing_after_it_is_not_shown(tok: MixedTokenizer) -> None:
    # Generation stopped after "The entry requirements for Nursing with A-levels are:".
    gate = _shipping_gate(tok, "What services do you offer?")
    assert gate.feed("We offer two services:") + gate.close() == []
    assert gate.substantive == 0
    # With what it introduces it is shown.
    gate = _shipping_gate(tok, "What services do you offer?")
    out = gate.feed("We offer two services:\n\nInternational Standard takes 5-8 working days. ")
    assert out == ["We offer two services:", "International Standard takes 5-8 working days."]
    # And not when what follows is stopped.
    gate = _shipping_gate(tok, "What services do you offer?")
    out = gate.feed("We offer two services:\n\nWe also offer free overnight courier delivery. ")
    assert out == [] and gate.stopped


# A black-box tester's airline (2026-12-01): the model's words and numbers were all in the
# sources, yet one reply gave the cabin bag's weight as its size and another was a heading.
CABIN = (
    "Every passenger may bring one cabin bag of at most 55 x 40 x 20 cm and 8 kg, plus one "
    "small personal item. A bicycle counts as one piece if it is within the cabin bag limit."
)


@pytest.mark.parametrize(
    ("claim", "passes"),
    [
        ("Cabin bag size limit: 8 kg.", False),
        ("The cabin bag size is at most 8 kg.", False),
        ("The cabin bag may weigh at most 55 cm.", False),
        ("Cabin bag size limit: 55 x 40 x 20 cm.", True),
        ("The cabin bag may weigh at most 8 kg.", True),
        ("A cabin bag of at most 55 x 40 x 20 cm and 8 kg in weight and size.", True),
    ],
)
def test_a_quantity_is_no_answer_for_another_measure(
    tok: MixedTokenizer, claim: str, passes: bool
) -> None:
    gate = _one(tok, CABIN, "cabin bag size limit? what can it weigh, weight?")
    assert (gate.unsupported(claim) is None) is passes, gate.unsupported(claim)


def test_a_heading_of_the_sources_is_no_answer(tok: MixedTokenizer) -> None:
    passage = Passage(
        Entry(
            "rules#3", "chunk", "Claims must reach us within 2 years.", title="Rules > 7. Claims"
        ),
        score=1.0,
    )
    gate = GroundedSentences([passage], tok, question="how long do I have to make a claim")
    assert gate.feed("7. Claims. ") == []
    assert gate.close() == [] and not gate.substantive and not gate.stopped
    gate = GroundedSentences([passage], tok, question="how long do I have to make a claim")
    assert gate.feed("Claims must reach us within 2 years. ") != [] and gate.substantive
