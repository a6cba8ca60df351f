"""`kefu users|audit|privacy|keys`: end to end through the CLI, each privileged action audited."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.config import load_settings
from kefu.security.crypto import open_database
from kefu.storage.conversation_repo import ConversationRepository

PASSWORD = "a long enough password"


def kefu(*args: str, input: str | None = None, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exit_code == code, result.output
    return result.output


@pytest.mark.parametrize("group", ["users", "audit", "privacy", "keys"])
def test_help(group: str, kefu_home: Path) -> None:
    assert "Usage" in kefu(group, "--help")


def test_a_password_prompt_without_a_terminal_points_to_password_stdin(kefu_home: Path) -> None:
    result = CliRunner().invoke(app, ["users", "add", "bob"], input="")  # as `</dev/null`
    assert result.exit_code == 1
    assert "not a terminal" in result.stderr and "--password-stdin" in result.stderr
    assert "echo" not in result.output and "Aborted" not in result.output
    assert json.loads(kefu("users", "list", "--json")) == []


def _audit(kefu_home: Path) -> list[dict[str, object]]:
    return list(json.loads(kefu("audit", "list", "--json")))


def test_users_lifecycle_is_audited(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CliRunner's stdin is no terminal; the hidden prompt is what a person at one would see.
    monkeypatch.setattr("kefu.cli.users._stdin_is_terminal", lambda: True)
    out = kefu(
        "users", "add", "alice", "--role", "admin", "--password-stdin", input=PASSWORD + "\n"
    )
    assert "added admin alice" in out
    kefu("users", "add", "bob", input=PASSWORD + "\n" + PASSWORD + "\n")  # hidden prompt twice
    key = kefu("users", "key", "bob", "--label", "desk").strip().splitlines()[-1]
    assert key.startswith("kefu_")
    listed = json.loads(kefu("users", "list", "--json"))
    assert [(u["name"], u["role"]) for u in listed] == [("alice", "admin"), ("bob", "agent")]
    assert listed[1]["api_keys"] and key not in json.dumps(listed)

    from kefu.security.users import UserRepository

    db = open_database(load_settings())
    repo = UserRepository(db)
    assert repo.authenticate_password("alice", PASSWORD) is not None
    assert repo.authenticate_key(key) is not None
    from kefu.storage.support_repo import SupportRepository

    held = ConversationRepository(db).create(channel="api").id
    SupportRepository(db).request_handoff(held, "request")
    SupportRepository(db).take(held, "bob")
    assert "1 conversation(s) they held are back in the queue" in kefu("users", "remove", "bob")
    assert repo.authenticate_key(key) is None
    assert [c.id for c in SupportRepository(db).queue()] == [held]
    db.dispose()

    kefu("users", "add", "carol", "--role", "root", "--no-password", code=2)
    conflict = kefu("users", "add", "carol", "--no-password", "--password-stdin", code=2)
    assert "--no-password and --password-stdin contradict each other" in conflict
    kefu("users", "add", "dave", "--password-stdin", input="short\n", code=1)
    kefu("users", "remove", "nobody", code=1)

    entries = _audit(kefu_home)
    assert [e["action"] for e in entries] == ["users.remove", "users.key", "users.add", "users.add"]
    assert entries[0]["detail"] == {"conversations_requeued": 1}
    assert all(str(e["actor"]).startswith("cli:") and e["role"] == "admin" for e in entries)
    assert "intact: 4 entries" in kefu("audit", "verify")


def test_audit_verify_fails_on_tampering(kefu_home: Path) -> None:
    kefu("users", "add", "alice", "--no-password")
    kefu("users", "key", "alice")
    from sqlalchemy import text

    db = open_database(load_settings())
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target = 'eve' WHERE id = 1"))
    db.dispose()
    assert "TAMPERED" in kefu("audit", "verify", code=1)


def test_privacy_commands(kefu_home: Path, tmp_path: Path) -> None:
    db = open_database(load_settings())
    convs = ConversationRepository(db)
    cid = convs.create(customer_id="cust-5").id
    convs.add_message(cid, role="user", content="私人信息 private words")
    db.dispose()

    out_file = tmp_path / "export" / "cust-5.json"
    kefu("privacy", "export", "cust-5", "--out", str(out_file))
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["conversations"][0]["messages"][0]["content"] == "私人信息 private words"
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert json.loads(kefu("privacy", "export", "cust-5"))["customer_id"] == "cust-5"
    kefu("privacy", "export", "nobody", code=1)

    assert "would purge" in kefu("privacy", "purge", "--older-than", "1", "--dry-run")
    kefu("privacy", "purge", code=1)  # no retention configured and no --older-than
    kefu("privacy", "erase", "cust-5", input="n\n", code=1)
    assert "nothing was erased" in kefu("privacy", "erase", "nobody", "--yes", code=1)
    assert "1 conversations" in kefu("privacy", "erase", "cust-5", "--yes")
    kefu("privacy", "export", "cust-5", code=1)
    # Idempotent like the HTTP DELETE: a repeated erasure request succeeds, and is recorded.
    assert "cust-5 already erased on" in kefu("privacy", "erase", "cust-5", "--yes")
    actions = [e["action"] for e in _audit(kefu_home)]
    assert actions == ["privacy.erase", "privacy.erase", "privacy.export", "privacy.export"]


def test_audit_list_keeps_actions_whole_in_80_columns(
    kefu_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _one_customer("customer-with-a-long-id-12345")
    kefu("privacy", "erase", "customer-with-a-long-id-12345", "--yes")
    monkeypatch.setenv("COLUMNS", "80")
    out = kefu("audit", "list")
    assert "privacy.erase" in out and "…" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def _one_customer(name: str = "cust-5") -> None:
    db = open_database(load_settings())
    convs = ConversationRepository(db)
    convs.add_message(convs.create(customer_id=name).id, role="user", content="private words")
    db.dispose()


def test_export_never_overwrites_the_master_key_or_the_database(kefu_home: Path) -> None:
    _one_customer()
    key_file = kefu_home / "keys" / "master.key"
    key = key_file.read_bytes()
    database = kefu_home / "kefu.db"
    for out in (key_file, kefu_home / "keys" / "other.json", kefu_home / "keys", database):
        for extra in ([], ["--force"]):
            result = CliRunner().invoke(
                app, ["privacy", "export", "cust-5", "--out", str(out), *extra]
            )
            assert result.exit_code == 1, result.output
            assert "would overwrite kefu's master key" in result.stderr, (out, extra)
    link = kefu_home.parent / "innocent.json"
    link.symlink_to(key_file)
    kefu("privacy", "export-conversation", "x", "--out", str(link), "--force", code=1)
    assert key_file.read_bytes() == key
    assert "master key" in kefu("keys", "status")
    assert not (kefu_home / "keys" / "other.json").exists()
    # A refused --out is no export: the audit log does not claim one.
    assert [e["action"] for e in _audit(kefu_home)] == []


def test_export_replaces_an_existing_file_only_with_force_and_makes_it_0600(
    kefu_home: Path, tmp_path: Path
) -> None:
    _one_customer()
    existing = tmp_path / "exist.json"
    existing.write_text("pre\n", encoding="utf-8")
    existing.chmod(0o644)
    refused = CliRunner().invoke(app, ["privacy", "export", "cust-5", "--out", str(existing)])
    assert refused.exit_code == 1 and "pass --force" in refused.stderr
    assert existing.read_text(encoding="utf-8") == "pre\n"
    kefu("privacy", "export", "cust-5", "--out", str(existing), "--force")
    assert json.loads(existing.read_text(encoding="utf-8"))["customer_id"] == "cust-5"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_into_a_folder_writes_a_named_file(kefu_home: Path, tmp_path: Path) -> None:
    _one_customer("MD/HK 2")
    folder = tmp_path / "dsar"
    folder.mkdir()
    out = kefu("privacy", "export", "MD/HK 2", "--out", str(folder))
    written = folder / "kefu-export-MD_HK_2.json"
    assert str(written) in out.replace("\n", "")
    assert json.loads(written.read_text(encoding="utf-8"))["customer_id"] == "MD/HK 2"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    again = CliRunner().invoke(app, ["privacy", "export", "MD/HK 2", "--out", str(folder)])
    assert again.exit_code == 1 and "pass --force" in again.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["erase", "", "--yes"],
        ["erase", "  ", "--yes"],
        ["export", ""],
        ["export-conversation", " "],
        ["erase-conversation", "", "--yes"],
        ["erase", "x" * 65, "--yes"],
    ],
)
def test_an_empty_id_is_a_clear_error(kefu_home: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, ["privacy", *args])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error: the ") and "Traceback" not in result.output


def test_a_web_chat_guests_conversation_is_exported_and_erased_by_its_id(
    kefu_home: Path, tmp_path: Path
) -> None:
    # A guest of the public chat has no customer id (QA report E, finding 11).
    db = open_database(load_settings())
    convs = ConversationRepository(db)
    cid = convs.create().id
    convs.add_message(cid, role="user", content="my room was 214, 访客 words")
    db.dispose()

    out_file = tmp_path / "guest.json"
    assert "1 messages" in kefu("privacy", "export-conversation", cid, "--out", str(out_file))
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["conversation_id"] == cid and data["customer_id"] is None
    assert data["conversation"]["messages"][0]["content"] == "my room was 214, 访客 words"
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert "1 messages" in kefu("privacy", "erase-conversation", cid, "--yes")
    kefu("privacy", "export-conversation", cid, code=1)
    actions = [e["action"] for e in _audit(kefu_home)]
    assert actions == ["privacy.erase_conversation", "privacy.export_conversation"]


def test_keys_commands(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "not created yet" in kefu("keys", "status")
    assert "created the master key" in kefu("keys", "init")
    key_file = kefu_home / "keys" / "master.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    db = open_database(load_settings())
    convs = ConversationRepository(db)
    cid = convs.create().id
    convs.add_message(cid, role="user", content="before rotation")
    db.dispose()
    before = key_file.read_text()
    # No terminal to ask at and no --yes: refused, nothing rotated.
    refused = kefu("keys", "rotate", code=1)
    assert "--yes" in refused and "not a terminal" in refused
    assert key_file.read_text() == before
    monkeypatch.setattr("kefu.cli.keys._stdin_is_terminal", lambda: True)
    assert "nothing was rotated" in kefu("keys", "rotate", input="y\nn\n", code=1)
    assert key_file.read_text() == before
    # Asked: keep the old key (the default answer), then confirm.
    out = kefu("keys", "rotate", input="\ny\n")
    assert "rotated: 1 data keys" in out and "old key kept at" in out
    assert key_file.read_text() != before
    kept = list(key_file.parent.glob("master.key.*.retired"))
    assert len(kept) == 1 and kept[0].read_text() == before
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert re.fullmatch(r"master\.key\.\d{4}-\d\d-\d\d\.[^.]+\.retired", kept[0].name)
    assert str(kept[0]) in out.replace("\n", "")
    deleted = kefu("keys", "rotate", "--yes", "--delete-old")
    assert "old key was deleted" in deleted
    assert len(list(key_file.parent.glob("master.key.*.retired"))) == 1
    assert "old key kept at" in kefu("keys", "rotate", "--yes")  # a script keeps it by default
    db = open_database(load_settings())
    assert ConversationRepository(db).history(cid)[0].content == "before rotation"
    db.dispose()
    assert "1 data keys wrapped by" in kefu("keys", "status")
    generated = kefu("keys", "generate").strip()
    assert len(generated) == 44
    entries = _audit(kefu_home)
    assert [e["action"] for e in entries] == ["keys.rotate"] * 3 + ["keys.init"]
    assert [e["detail"]["kept_old"] for e in entries[:3]] == [True, False, True]


def test_erase_one_conversation_from_the_cli(kefu_home: Path) -> None:
    db = open_database(load_settings())
    convs = ConversationRepository(db)
    cid = convs.create().id
    convs.add_message(cid, role="user", content="forget me")
    db.dispose()
    assert "1 data keys shredded" in kefu("privacy", "erase-conversation", cid, "--yes")
    kefu("privacy", "erase-conversation", cid, "--yes", code=1)
    assert _audit(kefu_home)[0]["action"] == "privacy.erase_conversation"


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["train", "intents", "--data", "x.csv", "--out"], "keys"),
        (["train", "llm", "--from-kb", "--out"], "keys/sub"),
        (["eval", "intents", "--test", "x.csv", "--model", "m", "--report"], "keys/master.key"),
        (["eval", "answers", "--data", "x.csv", "--report"], "kefu.db"),
    ],
)
def test_folder_options_refuse_the_keys_folder_and_the_database(
    kefu_home: Path, args: list[str], where: str
) -> None:
    result = CliRunner().invoke(app, [*args, str(kefu_home / where)])
    assert result.exit_code == 1, result.output
    assert "would overwrite kefu's master key" in result.stderr


def test_users_passwd_role_and_enable(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kefu("users", "add", "alice", "--role", "admin", "--password-stdin", input=PASSWORD + "\n")
    kefu("users", "add", "mei", "--password-stdin", input=PASSWORD + "\n")
    kefu("users", "remove", "mei")
    assert "users enable mei" in kefu("users", "passwd", "mei", "--password-stdin", code=1)
    again = kefu("users", "add", "mei", "--password-stdin", input=PASSWORD + "\n", code=1)
    assert "removed" in again and "kefu users enable mei" in again
    assert "enabled mei" in kefu("users", "enable", "mei")
    # The new password is asked for twice; a mismatch is asked again by the prompt.
    monkeypatch.setattr("kefu.cli.users._stdin_is_terminal", lambda: True)
    new = PASSWORD + "!"
    assert "password of mei changed" in kefu("users", "passwd", "mei", input=f"{new}\n{new}\n")
    monkeypatch.setattr("kefu.cli.users._stdin_is_terminal", lambda: False)
    no_tty = kefu("users", "passwd", "mei", input="", code=1)
    assert "--password-stdin" in no_tty and "--no-password" not in no_tty
    kefu("users", "passwd", "nobody", "--password-stdin", input=new + "\n", code=1)
    assert "now admin (was agent)" in kefu("users", "role", "mei", "--role", "admin")
    assert "already admin" in kefu("users", "role", "mei", "--role", "admin")
    kefu("users", "role", "mei", "--role", "root", code=2)
    kefu("users", "role", "alice", "--role", "agent")
    last = kefu("users", "remove", "mei", code=1)
    assert "last enabled admin" in last

    from kefu.security.users import UserRepository

    db = open_database(load_settings())
    assert UserRepository(db).authenticate_password("mei", new) is not None
    db.dispose()
    actions = [e["action"] for e in _audit(kefu_home)]
    assert actions[:4] == ["users.role", "users.role", "users.passwd", "users.enable"]
    assert "intact" in kefu("audit", "verify")


def test_audit_verify_against_a_recorded_head_catches_a_truncated_log(kefu_home: Path) -> None:
    kefu("users", "add", "alice", "--no-password")
    kefu("users", "key", "alice")
    recorded = json.loads(kefu("audit", "head", "--json"))
    assert recorded["count"] == 2 and len(recorded["head"]) == 64
    assert f"head: {recorded['head']}" in kefu("audit", "head")
    head, count = recorded["head"], str(recorded["count"])
    assert "still reaches" in kefu(
        "audit", "verify", "--expect-head", head, "--expect-count", count
    )
    kefu("users", "key", "alice")  # the log grows: still reaches the recorded head
    assert "still reaches" in kefu(
        "audit", "verify", "--expect-head", head, "--expect-count", count
    )
    from sqlalchemy import text

    db = open_database(load_settings())
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id >= 2"))
    db.dispose()
    assert "intact" in kefu("audit", "verify")  # a shorter chain is valid in itself
    cut = kefu("audit", "verify", "--expect-head", head, code=1)
    assert "TRUNCATED" in cut and "no longer reaches the head" in cut
    short = kefu("audit", "verify", "--expect-count", count, code=1)
    assert "1 entries, fewer than the 2 expected" in short
    assert "64 hex" in kefu("audit", "verify", "--expect-head", "abc", code=2)
