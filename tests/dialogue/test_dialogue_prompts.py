"""Prompt building: passages cut to the sentences that bear on the question, by rank."""

from __future__ import annotations

from kefu.dialogue.prompts import PASSAGE_BUDGETS, SYSTEM_PROMPT, build_messages, focus
from kefu.types import ChatMessage, Entry, Passage

REFUNDS = (
    "Refunds go back to the original payment method. Card refunds take 5-7 business days "
    "after the warehouse receives the parcel. PayPal refunds arrive within 24 hours. Gift "
    "cards are refunded as store credit, which never expires. If you paid with a voucher, the "
    "voucher value is restored. Contact us if your refund is more than 10 days late."
)


def test_short_text_is_kept_whole() -> None:
    assert focus("  Returns are free.  ", "are returns free?", 100) == "Returns are free."


def test_relevant_sentences_are_kept_in_their_order_within_the_budget() -> None:
    out = focus(REFUNDS, "How long does a card refund take?", 160)
    assert len(out) <= 160
    assert "Card refunds take 5-7 business days" in out
    assert "voucher" not in out and "Gift cards" not in out
    assert out.index("original payment method") < out.index("Card refunds")


def test_a_different_question_keeps_different_sentences() -> None:
    out = focus(REFUNDS, "I paid with a voucher, do I get it back?", 120)
    assert "voucher value is restored" in out
    assert "PayPal" not in out


def test_chinese_sentences_are_chosen_by_character_pairs_and_joined_without_spaces() -> None:
    text = (
        "退货请在签收后7天内申请。运费由买家承担，质量问题除外。"
        "退款会在仓库收货后3个工作日内原路退回。如有疑问请联系客服。"
    )
    out = focus(text, "退款多久到账？", 40)
    assert "退款会在仓库收货后3个工作日内原路退回。" in out
    assert " " not in out
    assert len(out) <= 40


def test_one_overlong_sentence_is_cut_at_a_word_boundary() -> None:
    text = "word " * 100 + "end."
    out = focus(text, "anything", 50)
    assert 25 < len(out) <= 50 and out.endswith("word")


def test_build_messages_gives_the_top_passage_the_most_room() -> None:
    passages = [
        Passage(Entry(id=f"e{i}", kind="chunk", text=REFUNDS, title=f"T{i}"), 1.0 - i / 10)
        for i in range(3)
    ]
    history = [ChatMessage("user", "hi"), ChatMessage("assistant", "hello")]
    msgs = build_messages("How long does a card refund take?", passages, history)
    assert [m.role for m in msgs] == ["system", "user", "assistant", "user"]
    assert msgs[0].content == SYSTEM_PROMPT  # fixed, so llama.cpp reuses its KV cache
    assert msgs[-1].content.startswith("Sources:\n")
    blocks = msgs[-1].content.removeprefix("Sources:\n").split("\n\n")
    bodies = [b.split("\n", 1)[1] for b in blocks if b.startswith("[e")]
    assert [b.split("\n")[0] for b in blocks if b.startswith("[e")] == [
        "[e0] T0",
        "[e1] T1",
        "[e2] T2",
    ]
    assert [len(b) <= cap for b, cap in zip(bodies, PASSAGE_BUDGETS, strict=True)] == [True] * 3
    assert len(bodies[0]) > len(bodies[2])
    assert msgs[-1].content.endswith("Question: How long does a card refund take?")
