"""A customer who sends a full card number or a security code is told, in their language, not
to: redaction hides them from storage and the agents, but the customer was never warned (a
fashion shop's tester, 2026-11-30). The rest of the reply is the one the message gets anyway."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue import assistant as assistant_module
from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant
from kefu.types import Answer

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

NOTICE_EN = messages.reply("card_data", "en")
NOTICE_ZH = messages.reply("card_data", "zh")


def _stream(
    assistant: Assistant, text: str, session_id: str | None = None
) -> tuple[list[str], Answer]:
    pieces: list[str] = []
    for item in assistant.stream(text, session_id=session_id):
        if isinstance(item, Answer):
            return pieces, item
        pieces.append(item)
    raise AssertionError("no final Answer")


def test_a_card_number_gets_the_notice_first_and_the_usual_answer_after(
    make_assistant: MakeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    assistant, _ = make_assistant()
    text = "How long does a refund take? I paid by card 4111 1111 1111 1111"
    pieces, answer = _stream(assistant, text)
    with monkeypatch.context() as m:
        m.setattr(assistant_module, "card_data_notice", lambda message, language, **_: "")
        usual = assistant.ask(text)
    assert pieces[0] == f"{NOTICE_EN}\n\n"
    assert answer.text == f"{NOTICE_EN}\n\n{usual.text}"
    assert "".join(pieces) == answer.text
    assert (answer.mode, answer.handoff, answer.language) == (usual.mode, usual.handoff, "en")


def test_a_chinese_security_code_gets_the_chinese_notice(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("退款多久到账？我的卡安全码 123")
    assert answer.language == "zh"
    assert answer.text.startswith(NOTICE_ZH)
    assert NOTICE_EN not in answer.text


def test_the_stored_turn_keeps_the_notice_and_hides_the_card(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    sid = assistant.start()
    assistant.ask("my card 4111 1111 1111 1111 cvv 123 was charged twice", session_id=sid)
    stored = assistant.history(sid)
    assert "4111" not in stored[0].content and " 123" not in stored[0].content
    assert stored[1].content.startswith(NOTICE_EN)


@pytest.mark.parametrize(
    "text",
    [
        "How long does a refund take?",
        "my card ending 1111 was charged twice",
        "what is a CVV?",
        "my order number is 12345678",
        "bank didnt send me the verification code for my visa",
    ],
)
def test_no_notice_without_card_data(make_assistant: MakeAssistant, text: str) -> None:
    assistant, _ = make_assistant()
    assert NOTICE_EN not in assistant.ask(text).text


SECRET_EN = messages.reply("secret_data", "en")
SECRET_ZH = messages.reply("secret_data", "zh")


def test_a_pin_and_otp_get_the_never_share_warning_and_are_not_stored(
    make_assistant: MakeAssistant,
) -> None:
    # A bank card centre's tester: the PIN and OTP were stored verbatim, with no warning.
    assistant, _ = make_assistant()
    sid = assistant.start()
    text = "my PIN is 4821 and the OTP you sent is 552901, please unlock my card"
    answer = assistant.ask(text, session_id=sid)
    assert answer.text.startswith(f"{SECRET_EN}\n\n")
    assert NOTICE_EN not in answer.text
    stored = assistant.history(sid)
    assert "4821" not in stored[0].content and "552901" not in stored[0].content


def test_a_chinese_password_gets_the_chinese_warning(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("我的密码是 739104，验证码 662781，帮我解锁")
    assert answer.text.startswith(f"{SECRET_ZH}\n\n")


def test_a_card_number_and_a_pin_get_both_warnings(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("card 4111 1111 1111 1111 PIN 4821 is blocked")
    assert answer.text.startswith(f"{NOTICE_EN}\n\n{SECRET_EN}\n\n")


@pytest.mark.parametrize(
    "text", ["PIN reset takes 3 days?", "the OTP never arrived", "验证码没收到", "密码忘了怎么办"]
)
def test_no_secret_warning_without_a_secret(make_assistant: MakeAssistant, text: str) -> None:
    assistant, _ = make_assistant()
    reply = assistant.ask(text).text
    assert SECRET_EN not in reply and SECRET_ZH not in reply


def test_with_storage_redaction_off_the_notice_does_not_claim_it_was_hidden(
    make_assistant: MakeAssistant,
) -> None:
    # A gym's tester: "we have hidden it" while the card was stored as typed.
    assistant, _ = make_assistant(redact_pii_storage=False)
    sid = assistant.start()
    answer = assistant.ask("my card 4111 1111 1111 1111 cvv 123 was charged twice", session_id=sid)
    assert answer.text.startswith(messages.reply("card_data_kept", "en"))
    assert "hidden" not in answer.text.lower()
    assert "4111 1111 1111 1111" in assistant.history(sid)[0].content  # stored as sent: true
    zh = assistant.ask("我的银行卡号 6222021234567890123，密码是 123456")
    assert "隐藏" not in zh.text and "按原样保存" in zh.text
