"""A running server follows knowledge changed by another process: `kefu kb add` and
`kefu kb remove` on the same KEFU_HOME and database, with no Redis to announce them.

Black-box finding (e-invoicing SaaS): after `kefu kb remove refund-policy.txt` the running
server still answered from the policy and still opened it as a source; after `kefu kb add` it
declined what the CLI answered. The server now checks the knowledge base's revision every few
seconds (`live.check_knowledge`) and reloads its index when another process changed it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from service_data import REFUND_ANSWER

from conftest import MakeClient, StubConfidence
from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.confidence import ConfidenceModel
from kefu.knowledge.base import KnowledgeBase
from kefu.llm.fake import FakeChatModel
from kefu.retrieval.embedders import HashingEmbedder
from kefu.security.users import UserRepository
from kefu.service import live
from kefu.service.app import create_app

HOLIDAY_QUESTION = "春节客服上班吗？"
HOLIDAY_ANSWER = "春节期间客服照常上班，每天9:00到18:00。"


def _until(what: Callable[[], Any], seconds: float = 20.0) -> Any:
    """Poll ``what`` until it returns something true; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not (got := what()):
        assert time.monotonic() < deadline, "not within the deadline"
        time.sleep(0.05)
    return got


def _ask(client: TestClient, cid: str, auth: dict[str, str], text: str) -> dict[str, Any]:
    r = client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def _cited(reply: dict[str, Any]) -> list[str]:
    return [s["id"] for s in reply["sources"]]


def test_a_running_server_follows_knowledge_changed_by_the_cli(
    make_client: MakeClient, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "KNOWLEDGE_CHECK_SECONDS", 0.1)  # 2 s in production
    client, _ = make_client(database_url=db_url, rate_limit_conversation=0, rate_limit_ip=0)
    served = client.app.state.kefu.assistant.kb  # type: ignore[attr-defined]
    checks: list[bool] = []
    reloads: list[int] = []

    def changed() -> bool:
        checks.append(result := KnowledgeBase.changed(served))
        return result

    def refresh() -> int:
        reloads.append(1)
        return KnowledgeBase.refresh(served)

    monkeypatch.setattr(served, "changed", changed)
    monkeypatch.setattr(served, "refresh", refresh)

    def quiet_for(n: int) -> None:
        """Wait for ``n`` more checks; none may have found a change."""
        seen = len(checks)
        _until(lambda: len(checks) >= seen + n)
        assert not any(checks[seen:])

    created = client.post("/api/conversations").json()
    cid, auth = created["id"], {"Authorization": f"Bearer {created['token']}"}
    first = _ask(client, cid, auth, "How long does a refund take?")
    assert first["answer"] == REFUND_ANSWER and _cited(first)[0] == "rf-1"
    assert client.get(f"/api/conversations/{cid}/sources/rf-1", headers=auth).status_code == 200
    assert "hol-1" not in _cited(_ask(client, cid, auth, HOLIDAY_QUESTION))
    quiet_for(3)  # nothing changed: checked, never reloaded
    assert reloads == []

    # `kefu kb remove faq.csv` in another process: a KnowledgeBase of its own, same settings.
    cli = KnowledgeBase(served.settings)
    try:
        assert "rf-1" in cli.remove("faq.csv")

        # The removed entry no longer opens as a source, and no answer comes from it.
        def opens(entry: str) -> int:
            r = client.get(f"/api/conversations/{cid}/sources/{entry}", headers=auth)
            return r.status_code

        _until(lambda: opens("rf-1") == 404)
        again = _ask(client, cid, auth, "How long does a refund take?")
        assert again["answer"] != REFUND_ANSWER and "rf-1" not in _cited(again)
        assert reloads == [1]

        # `kefu kb add holiday.csv`: the server answers from it too.
        holiday = tmp_path / "kb" / "holiday.csv"
        holiday.parent.mkdir()
        holiday.write_text(
            f"id,question,answer\nhol-1,{HOLIDAY_QUESTION},{HOLIDAY_ANSWER}\n", encoding="utf-8"
        )
        assert cli.add([holiday]).ok

        def answered() -> dict[str, Any] | None:
            reply = _ask(client, cid, auth, HOLIDAY_QUESTION)
            return reply if reply["answer"] == HOLIDAY_ANSWER else None

        got = _until(answered)
        assert _cited(got)[0] == "hol-1" and got["mode"] == "curated"
        r = client.get(f"/api/conversations/{cid}/sources/hol-1", headers=auth)
        assert r.status_code == 200 and r.json()["text"] == HOLIDAY_ANSWER
        assert len(reloads) == 2
        quiet_for(3)  # reloaded once per change, not again and again
        assert len(reloads) == 2
    finally:
        cli.db.dispose()

    # The server's own upload is in its index already: the check finds nothing to reload.
    UserRepository(served.db).create("root", "admin", password="root-secret-pw")
    login = client.post("/api/auth/login", json={"name": "root", "password": "root-secret-pw"})
    admin = {"Authorization": f"Bearer {login.json()['token']}"}
    r = client.post(
        "/api/admin/knowledge",
        params={"filename": "gifts.csv"},
        content=b"id,question,answer\ngift-1,Do you gift-wrap?,Yes: tick gift wrap.\n",
        headers=admin,
    )
    assert r.status_code == 201, r.text
    quiet_for(3)
    assert len(reloads) == 2


def test_a_server_standing_in_with_a_demo_pack_gives_way_to_the_first_file_the_cli_adds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh install: `kefu serve` answers from a demo pack until the business's own
    knowledge arrives, whether uploaded on /admin or added with `kefu kb add`."""
    monkeypatch.setattr(live, "KNOWLEDGE_CHECK_SECONDS", 0.1)
    settings = Settings(
        home=tmp_path / "home",
        embedder="hashing",
        llm_backend="fake",
        curated_threshold=0.6,
        answer_threshold=0.3,
        rate_limit_conversation=0,
    )
    kb = KnowledgeBase(
        settings, pack="ecommerce", pack_is_fallback=True, embedder=HashingEmbedder()
    )
    assistant = Assistant(
        settings,
        kb=kb,
        llm=FakeChatModel([], languages=("en",)),
        confidence=cast(ConfidenceModel, StubConfidence()),
    )
    holiday = tmp_path / "holiday.csv"
    holiday.write_text(
        f"id,question,answer\nhol-1,{HOLIDAY_QUESTION},{HOLIDAY_ANSWER}\n", encoding="utf-8"
    )
    with TestClient(create_app(settings, assistant=assistant)) as client:
        created = client.post("/api/conversations").json()
        cid, auth = created["id"], {"Authorization": f"Bearer {created['token']}"}
        assert _ask(client, cid, auth, HOLIDAY_QUESTION)["answer"] != HOLIDAY_ANSWER
        cli = KnowledgeBase(settings)  # `kefu kb add holiday.csv`
        try:
            assert cli.add([holiday]).ok
        finally:
            cli.db.dispose()

        def answered() -> bool:
            return bool(_ask(client, cid, auth, HOLIDAY_QUESTION)["answer"] == HOLIDAY_ANSWER)

        _until(answered)
        assert kb.pack is None and [e.id for e in kb.index.entries] == ["hol-1"]
    kb.db.dispose()
