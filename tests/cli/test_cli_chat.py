"""`kefu chat`: slash commands are handled by the terminal, never sent as customer messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.cli.chat import slash_command


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/quit", "quit"),
        (" /EXIT ", "quit"),
        ("/q", "quit"),
        ("/help", "help"),
        ("/help me", "help"),
        ("/refund", "/refund"),
        ("/talk-to-agent now", "/talk-to-agent"),
        ("/etc/hosts is missing", None),
        ("/ 退货", None),
        ("/123", None),
        ("how do I get a refund?", None),
        ("退货 /help", None),
    ],
)
def test_slash_command(text: str, command: str | None) -> None:
    assert slash_command(text) == command


def _messages(session_id: str) -> int:
    from kefu.config import load_settings
    from kefu.security.crypto import open_database
    from kefu.storage.conversation_repo import ConversationRepository

    db = open_database(load_settings())
    try:
        return ConversationRepository(db).get(session_id).message_count
    finally:
        db.dispose()


def test_help_and_unknown_commands_are_not_sent(kefu_env: dict[str, str], faq_file: Path) -> None:
    assert CliRunner().invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    result = CliRunner().invoke(app, ["chat"], input="/help\n/refund\n/quit\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "/help" in out and "/quit" in out and "Commands" in out
    assert "unknown command /refund; /help lists the commands" in out
    assert "kefu ›" not in out  # the assistant never answered
    session = re.search(r"Conversation saved as (\S+);", out)
    assert session is not None
    assert _messages(session.group(1)) == 0  # nothing stored, nothing handed off

    asked = CliRunner().invoke(app, ["chat"], input="How long does a refund take?\n/quit\n")
    assert asked.exit_code == 0, asked.output
    assert "kefu ›" in asked.stdout
    session = re.search(r"Conversation saved as (\S+);", asked.stdout)
    assert session is not None
    assert _messages(session.group(1)) == 2  # the question and its answer


def test_the_banner_shows_the_models_display_name(
    kefu_env: dict[str, str], faq_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kefu.llm.base import ModelInfo
    from kefu.llm.fake import FakeChatModel

    info = ModelInfo(
        backend="llamacpp",
        name="SmolLM2-135M-Instruct.Q4_1.gguf",
        languages=("en",),
        path="/cache/SmolLM2-135M-Instruct.Q8_0.98362432-1796010656.gguf",
        details={"served_as": "Q8_0"},
    )
    monkeypatch.setattr(FakeChatModel, "info", property(lambda self: info))
    assert CliRunner().invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    result = CliRunner().invoke(app, ["chat"], input="/quit\n")
    assert result.exit_code == 0, result.output
    assert "model: SmolLM2-135M-Instruct.Q4_1 (served as Q8_0)" in result.stdout
    assert "98362432" not in result.stdout
