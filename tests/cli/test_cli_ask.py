"""`kefu ask`: one question, plain or JSON, with fast components (and one real-model run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app

ANSWER_KEYS = {"answer", "sources", "confidence", "handoff", "language", "latency_ms"}


def _ask(*args: str) -> Any:
    return CliRunner().invoke(app, ["ask", *args])


def _ask_json(*args: str) -> dict[str, Any]:
    result = _ask(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _check_shape(data: dict[str, Any]) -> None:
    assert set(data) >= ANSWER_KEYS
    assert isinstance(data["answer"], str) and data["answer"]
    assert isinstance(data["sources"], list)
    for source in data["sources"]:
        assert set(source) == {"id", "title", "score"}
        assert isinstance(source["id"], str)
        assert isinstance(source["score"], float)
    assert 0.0 <= data["confidence"] <= 1.0
    assert isinstance(data["handoff"], bool)
    assert data["language"] in ("en", "zh")
    assert data["latency_ms"] >= 0


def test_ask_json_answers_from_the_users_kb(kefu_env: dict[str, str], faq_file: Path) -> None:
    assert CliRunner().invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    data = _ask_json("How long does a refund take?")
    _check_shape(data)
    assert data["mode"] == "curated"
    assert data["answer"] == "Refunds reach your card within 5-10 business days."
    assert data["sources"][0]["id"] == "rf-1"
    assert data["handoff"] is False
    assert data["language"] == "en"

    zh = _ask_json("退款多久到账？")
    _check_shape(zh)
    assert zh["language"] == "zh"
    assert zh["sources"][0]["id"] == "zh-1"


def test_ask_json_handoff_for_a_person(kefu_env: dict[str, str], faq_file: Path) -> None:
    assert CliRunner().invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    data = _ask_json("can I talk to a human")
    _check_shape(data)
    assert data["handoff"] is True
    assert data["sources"] == []


def test_ask_session_continues_a_conversation(kefu_env: dict[str, str], faq_file: Path) -> None:
    assert CliRunner().invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    first = _ask_json("How much does shipping cost?")
    sid = first["session_id"]
    assert isinstance(sid, str) and sid
    second = _ask_json("Hello", "--session", sid)
    assert second["session_id"] == sid

    from kefu.config import load_settings
    from kefu.security.crypto import open_database
    from kefu.storage.conversation_repo import ConversationRepository

    db = open_database(load_settings())  # messages are encrypted at rest: needs the key
    try:
        rows = ConversationRepository(db).history(sid)
    finally:
        db.dispose()
    assert [r.content for r in rows if r.role == "user"] == [
        "How much does shipping cost?",
        "Hello",
    ]


def test_ask_plain_prints_answer_and_sources(kefu_env: dict[str, str], faq_file: Path) -> None:
    assert CliRunner().invoke(app, ["kb", "add", str(faq_file)]).exit_code == 0
    result = _ask("How long does a refund take?")
    assert result.exit_code == 0, result.output
    assert "Refunds reach your card within 5-10 business days." in result.stdout
    assert "[rf-1]" in result.stdout
    assert "curated" in result.stdout


def test_ask_with_an_empty_kb_uses_the_demo_packs(kefu_env: dict[str, str]) -> None:
    data = _ask_json("What is your return policy?")
    _check_shape(data)
    assert data["sources"], data
    assert data["sources"][0]["id"].split("-")[0] in ("ec", "fi", "hc")


def test_ask_pack_answers_from_that_pack(kefu_env: dict[str, str]) -> None:
    data = _ask_json("What is your return policy?", "--pack", "ecommerce")
    assert data["sources"][0]["id"].startswith("ec-")


@pytest.mark.parametrize("question", ["", "   ", "\x00\x01"])
def test_ask_empty_is_a_clear_error(kefu_env: dict[str, str], question: str) -> None:
    result = _ask(question)
    assert result.exit_code == 1
    assert "error: the message is empty" in result.stderr
    assert "Traceback" not in result.output
    assert not Path(kefu_env["KEFU_HOME"]).exists()  # failed before touching any state


def test_ask_reads_a_gbk_terminal_and_refuses_other_bytes_clearly(
    kefu_env: dict[str, str],
) -> None:
    # A GBK terminal's bytes reach Python as surrogate escapes (QA report D, finding 6: a
    # traceback from the encryption step).
    gbk = "发票怎么开".encode("gbk").decode("utf-8", "surrogateescape")
    data = _ask_json(gbk, "--pack", "ecommerce")
    assert data["language"] == "zh"
    assert data["sources"], data
    result = _ask(b"\xff\xfe refund".decode("utf-8", "surrogateescape"))
    assert result.exit_code == 1
    assert "error: the message is not valid text" in result.stderr
    assert "Traceback" not in result.output


def test_ask_too_long_is_a_clear_error(kefu_env: dict[str, str]) -> None:
    result = _ask("x" * 4001)
    assert result.exit_code == 1
    assert "4000" in result.stderr


def test_ask_unknown_pack_lists_the_packs(kefu_env: dict[str, str]) -> None:
    result = _ask("hello", "--pack", "nope")
    assert result.exit_code == 1
    assert "nope" in result.stderr
    for name in ("ecommerce", "finance", "healthcare", "demo"):
        assert name in result.stderr
    assert "Traceback" not in result.output


def test_ask_json_in_a_subprocess_prints_only_json(
    kefu_env: dict[str, str], faq_file: Path
) -> None:
    script = Path(sys.executable).with_name("kefu")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "kefu.cli.app"]
    add = subprocess.run(
        [*cmd, "kb", "add", str(faq_file)],
        env=kefu_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert add.returncode == 0, add.stderr
    proc = subprocess.run(
        [*cmd, "ask", "How much does shipping cost?", "--json"],
        env=kefu_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # nothing but the JSON document on stdout
    _check_shape(data)
    assert data["sources"][0]["id"] == "sh-1"


@pytest.mark.model
def test_ask_with_real_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("KEFU_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("KEFU_HOME", str(tmp_path / "home"))
    data = _ask_json("How long do refunds take?", "--pack", "ecommerce")
    _check_shape(data)
    assert data["mode"] == "curated"
    assert data["handoff"] is False
    assert data["sources"][0]["id"] in ("ec-en-016", "ec-en-019")
    assert "business days" in data["answer"]


def test_ask_unknown_session_is_a_clear_error(kefu_env: dict[str, str]) -> None:
    result = _ask("hello", "--session", "does-not-exist", "--json")
    assert result.exit_code == 1
    assert "does-not-exist" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["ask", "chat"])
def test_a_huge_session_id_is_not_echoed_whole(kefu_env: dict[str, str], command: str) -> None:
    session = "x" * 5000
    args = ["ask", "hello", "--session", session] if command == "ask" else ["chat", "--session"]
    if command == "chat":
        args.append(session)
    result = CliRunner().invoke(app, args, input="/quit\n")
    assert result.exit_code == 1
    assert "no conversation with id 'xxxxxxxx" in result.stderr
    assert "(5,000 characters)" in result.stderr
    assert len(result.stderr) < 400
