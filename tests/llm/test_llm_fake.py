"""FakeChatModel: the contract plus its scripting features."""

from __future__ import annotations

import pytest
from kefu_tests_llm_contract import ChatModelContract, messages

from kefu.errors import LLMError
from kefu.llm.base import complete
from kefu.llm.fake import FakeChatModel
from kefu.types import ChatMessage


class TestFakeContract(ChatModelContract):
    expected_backend = "fake"

    @pytest.fixture
    def model(self) -> FakeChatModel:
        return FakeChatModel(echo=True)


def test_scripted_replies_come_in_order_then_run_out() -> None:
    model = FakeChatModel(["first reply", "second reply"])
    assert complete(model, messages()) == "first reply"
    assert complete(model, messages()) == "second reply"
    with pytest.raises(LLMError, match="no scripted reply left"):
        complete(model, messages())


def test_reply_is_streamed_word_by_word() -> None:
    model = FakeChatModel(["You can return items within 30 days."])
    assert list(model.stream(messages())) == [
        "You ",
        "can ",
        "return ",
        "items ",
        "within ",
        "30 ",
        "days.",
    ]


def test_calls_record_the_messages() -> None:
    model = FakeChatModel(["ok"])
    sent = messages("Where is my order?")
    complete(model, sent)
    assert model.calls == [sent]
    assert model.calls[0] is not sent  # a copy, so later changes to the caller's list don't leak


def test_echo_repeats_the_last_user_message_once_the_queue_is_empty() -> None:
    model = FakeChatModel(["scripted"], echo=True)
    assert complete(model, messages("first")) == "scripted"
    history = [*messages("first"), ChatMessage("assistant", "x"), ChatMessage("user", "second")]
    assert complete(model, history) == "second"


def test_chinese_round_trip() -> None:
    reply = "您好！退货政策：收到商品后30天内可以申请退款。"
    model = FakeChatModel([reply])
    pieces = list(model.stream(messages("怎么退货？")))
    assert "".join(pieces) == reply
    assert len(pieces) > 10  # streamed character by character, not as one block
    assert model.calls[0][-1].content == "怎么退货？"


def test_push_adds_replies_and_info_reports_queue() -> None:
    model = FakeChatModel()
    model.push("a", "b")
    assert model.info.details["queued"] == "2"
    assert complete(model, messages()) == "a"


def test_bad_requests_are_llm_errors() -> None:
    model = FakeChatModel(["x"], echo=True)
    with pytest.raises(LLMError):
        complete(model, [])
    with pytest.raises(LLMError, match="max_tokens"):
        complete(model, messages(), max_tokens=0)
    assert model.calls == []
