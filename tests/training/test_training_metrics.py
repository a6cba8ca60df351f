"""ROUGE-L as used in the fine-tuning report."""

from __future__ import annotations

import pytest

from kefu.training.metrics import lcs_length, rouge_l, rouge_tokens


def test_tokens_are_words_and_single_cjk_characters() -> None:
    assert rouge_tokens("Refunds take 5-10 days.") == ["refunds", "take", "5", "10", "days"]
    assert rouge_tokens("退款3天到账") == ["退", "款", "3", "天", "到", "账"]


def test_lcs() -> None:
    assert lcs_length("abcbdab", "bdcaba") == 4
    assert lcs_length([], ["a"]) == 0


def test_rouge_l_values() -> None:
    assert rouge_l("the cat sat", "the cat sat") == 1.0
    # LCS 3 of 3 candidate and 4 reference tokens: P=1, R=0.75, F=6/7.
    assert rouge_l("the cat sat", "the cat sat down") == pytest.approx(6 / 7)
    assert rouge_l("the cat sat", "the cat sat down") == rouge_l("the cat sat down", "the cat sat")
    assert rouge_l("dogs bark", "the cat sat") == 0.0
    assert rouge_l("", "anything") == 0.0
    assert rouge_l("退款三天", "退款需要三天") == pytest.approx(2 * 1 * (4 / 6) / (1 + 4 / 6))
