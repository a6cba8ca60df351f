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


# A price table as the loaders store it: one labelled row a paragraph (kefu.ingest._html).
PLANS = "\n\n".join(
    [
        "方案: VIP月卡; 价格: 39元; 有效时长: 31天; 自动续费价: 连续包月29元/月",
        "方案: VIP季卡; 价格: 99元; 有效时长: 93天; 自动续费价: 连续包季89元/季",
        "方案: VIP年卡; 价格: 298元; 有效时长: 366天; 自动续费价: 连续包年268元/年",
        "方案: 家庭年卡; 价格: 498元; 有效时长: 366天; 自动续费价: 不支持自动续费",
    ]
)


def test_the_row_the_question_names_is_quoted_on_its_own_line(tok: MixedTokenizer) -> None:
    # A black-box tester got "…连续包月29元/月方案: VIP季卡; 价格: 99元…" for 季卡价格.
    assert extract_answer(tok.tokenize("季卡价格"), _passage(PLANS), tok) == PLANS.split("\n\n")[1]
    # 年卡 names two rows: both, one a line, and not the first rows of the table.
    lines = extract_answer(tok.tokenize("年卡多少钱"), _passage(PLANS), tok).splitlines()
    assert [line.split(";")[0] for line in lines] == ["方案: VIP年卡", "方案: 家庭年卡"]


# The tester's table had the row names under a header ("Car class") that a question also says.
FLEET = "\n\n".join(
    [
        "Car class: Small; Example model: Kia Picanto or similar; Day rate: EUR 40",
        "Car class: Family; Example model: Skoda Octavia or similar; Day rate: EUR 60",
        "Car class: Luxury; Example model: Audi A6 or similar; Day rate: EUR 120",
    ]
)


def test_a_rows_header_does_not_name_every_row(tok: MixedTokenizer) -> None:
    # "class" is in every row's first cell; the Audi is only in the luxury row (a black-box
    # tester got the whole table, its first row first, for "the mercedes e class").
    answer = extract_answer(tok.tokenize("day rate for the audi a6 class"), _passage(FLEET), tok)
    assert answer == FLEET.split("\n\n")[2]
    answer = extract_answer(tok.tokenize("family class day rate"), _passage(FLEET), tok)
    assert answer == FLEET.split("\n\n")[1]


def test_a_question_about_the_whole_table_gets_every_row(tok: MixedTokenizer) -> None:
    answer = extract_answer(tok.tokenize("会员价格表"), _passage(PLANS), tok)
    assert answer.split("\n") == PLANS.split("\n\n")


def test_a_word_in_every_sentence_does_not_choose_the_sentence(tok: MixedTokenizer) -> None:
    # "VIP" and "on" are in the price sentences too; only "student" tells the answer apart.
    text = (
        "The VIP Monthly plan costs 39 yuan for 31 days on 3 devices. "
        "The VIP Quarterly plan costs 99 yuan for 93 days on 3 devices. "
        "The VIP Yearly plan costs 298 yuan for 366 days on 5 devices. "
        "Verified students can buy the VIP Yearly plan for 198 yuan once a year."
    )
    answer = extract_answer(
        tok.tokenize("Is there a student discount on VIP?"), _passage(text), tok
    )
    assert "Verified students can buy the VIP Yearly plan for 198 yuan" in answer
    assert "39 yuan" not in answer and "99 yuan" not in answer


def test_the_sentence_beside_the_best_comes_along_when_it_shares_half(
    tok: MixedTokenizer,
) -> None:
    text = (
        "完成学生认证的用户，购买VIP年卡可享受学生价198元，每个学生账号每年限购一次。"
        "学生优惠不适用于月卡、季卡和家庭年卡。"
    )
    answer = extract_answer(tok.tokenize("学生买年卡有优惠吗"), _passage(text), tok)
    assert answer == text


# Numbered clauses (a black-box tester's airline fare rules): the line leading into the list and
# the first tier share the question's words, and the quote stopped there, so "cancel 10 days
# before" was answered "10 %" (the tier for more than 30 days) instead of 25 %.
FEES = (
    "For refundable Standard tickets the cancellation fee depends on when you cancel:\n"
    "3.1 More than 30 days before the trip: 10% of the price.\n"
    "3.2 From 30 days to 7 days before the trip: 25% of the price.\n"
    "3.3 Less than 7 days and up to 24 hours before the trip: 50% of the price.\n"
    "3.4 Less than 24 hours before the trip: the price is not refunded; taxes are refunded."
)
FEES_ZH = (
    "标准票退票按提前天数收取手续费：\n"
    "（一）出发前30天以上：票价的10%。\n"
    "（二）出发前30天至7天：票价的25%。\n"
    "（三）出发前7天至24小时：票价的50%。\n"
    "（四）出发前24小时内：票价不退，税费退还。"
)
LETTERED = (
    "Delay compensation is paid as follows:\n"
    "(a) trips up to 1,500 km: 200 CNY for a delay of more than 5 hours;\n"
    "(b) trips of 1,500 to 3,500 km: 800 CNY for a delay of more than 5 hours;\n"
    "(c) trips over 3,500 km: 2,400 CNY for a delay of more than 5 hours."
)


@pytest.mark.parametrize(
    ("text", "question", "wanted"),
    [
        (FEES, "How much to cancel a standard ticket 10 days before?", "25% of the price"),
        (FEES, "cancel standard ticket 12 hours before the trip", "taxes are refunded"),
        (FEES_ZH, "标准票提前10天退票手续费多少", "票价的25%"),
        (LETTERED, "delay compensation for 7 hours on a 9,000 km trip", "2,400 CNY"),
    ],
)
def test_numbered_clauses_are_quoted_whole(
    tok: MixedTokenizer, text: str, question: str, wanted: str
) -> None:
    out = extract_answer(tok.tokenize(question), _passage(text), tok)
    assert wanted in out
    lines = out.splitlines()
    assert lines[0] == text.splitlines()[0]  # the lead, then each clause on its own line
    assert lines[1:] == text.splitlines()[1:]


def test_a_long_clause_list_keeps_the_clause_that_answers(tok: MixedTokenizer) -> None:
    clauses = [f"5.{n} Rule number {n} says nothing of interest here." for n in range(1, 9)]
    clauses.append("5.9 Lost passports are replaced by the consulate within 10 days.")
    text = "The general rules are these:\n" + "\n".join(clauses)
    out = extract_answer(
        tok.tokenize("lost passport replaced?"), _passage(text), tok, max_list_chars=200
    )
    assert "5.9 Lost passports are replaced" in out
    assert len(out) <= 220 and "…" in out


def test_sub_clause_lines_are_sentences_of_their_own() -> None:
    assert split_sentences(FEES)[:2] == [
        "For refundable Standard tickets the cancellation fee depends on when you cancel:",
        "3.1 More than 30 days before the trip: 10% of the price.",
    ]
    # A decimal at the start of a line is no clause number.
    assert split_sentences("Each bag costs\n1.5 times the fare.") == [
        "Each bag costs 1.5 times the fare."
    ]


def test_a_short_section_is_quoted_whole() -> None:
    """ "紧急求助按钮按了会怎样" got only the sentence naming the button, not what it does."""
    from kefu.dialogue.extractive import extract_answer
    from kefu.text.tokenize import MixedTokenizer
    from kefu.types import Entry, Passage

    text = (
        "车门旁有黄色的应急开关。拉下后车辆会在十秒内减速停下，同时通知调度中心。"
        "调度员会在两分钟内通过车内对讲联系您。"
    )
    passage = Passage(Entry("bus#3", "chunk", text, title="应急开关"), score=1.0)
    tok = MixedTokenizer()
    quote = extract_answer(tok.tokenize("应急开关拉了会怎样"), passage, tok)
    assert "减速停下" in quote and "两分钟" in quote
