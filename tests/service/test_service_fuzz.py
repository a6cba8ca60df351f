"""Every endpoint fuzzed: random paths, parameters, headers and bodies never get a 5xx.

The routes come from the app's own OpenAPI document, so a new endpoint is fuzzed without
anyone remembering to add it. Each request is made three ways: with no credentials, with a
valid customer token, and as a signed-in admin, so the fuzzing reaches the handlers behind
the authentication checks too. Live event streams are left out of the signed-in runs: they
never end by design.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="needs hypothesis (dev extra)")
pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MakeClient = Any

_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "../../etc/passwd",
            "%00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "退款多久到账？",
            "\u202e\ufeff",
            "9" * 40,
            "-1",
            "0",
            "null",
        ]
    ),
)
_JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63),
        st.floats(allow_nan=False),
        _TEXT,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "text",
                    "value",
                    "message_id",
                    "name",
                    "password",
                    "comment",
                    "model",
                    "messages",
                    "stream",
                    "role",
                    "content",
                    "x",
                ]
            )
            | _TEXT,
            children,
            max_size=4,
        ),
    ),
    max_leaves=8,
)
_BODY = st.one_of(
    _JSON.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.just(b"{"),
    st.just(b""),
)


def _routes(client: TestClient) -> list[tuple[str, str]]:
    spec = client.app.openapi()  # type: ignore[attr-defined]
    out = []
    for path, methods in spec["paths"].items():
        for method in methods:
            out.append((method.upper(), path))
    return sorted(out)


@pytest.fixture
def fuzz_setup(make_client: MakeClient) -> tuple[TestClient, dict[str, dict[str, str]], str]:
    from kefu.security.users import UserRepository

    client: TestClient = make_client(rate_limit_ip=0, rate_limit_conversation=0)[0]
    db = client.app.state.kefu.assistant.kb.db  # type: ignore[attr-defined]
    UserRepository(db).create("root", "admin", password="root-secret-pw")
    token = client.post(
        "/api/auth/login", json={"name": "root", "password": "root-secret-pw"}
    ).json()["token"]
    created = client.post("/api/conversations").json()
    client.post(
        f"/api/conversations/{created['id']}/messages",
        json={"text": "How long does a refund take?"},
        headers={"Authorization": f"Bearer {created['token']}"},
    )
    creds = {
        "none": {},
        "customer": {"Authorization": f"Bearer {created['token']}"},
        "admin": {"Authorization": f"Bearer {token}"},
    }
    return client, creds, created["id"]


def test_every_route_is_fuzzed(fuzz_setup: tuple[TestClient, Any, str]) -> None:
    client, _, _ = fuzz_setup
    routes = _routes(client)
    # A sample of what must be covered; a renamed route should fail loudly here.
    for expected in (
        ("POST", "/api/conversations/{conversation_id}/messages"),
        ("POST", "/api/agent/conversations/{conversation_id}/take"),
        ("POST", "/api/admin/knowledge"),
        ("POST", "/v1/chat/completions"),
        ("POST", "/api/auth/login"),
    ):
        assert expected in routes
    assert len(routes) >= 25


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_request_gets_a_5xx(fuzz_setup: tuple[TestClient, Any, str], data: Any) -> None:
    client, creds, real_id = fuzz_setup
    method, template = data.draw(st.sampled_from(_routes(client)), label="route")
    who = data.draw(st.sampled_from(sorted(creds)), label="credentials")
    if who != "none" and template.endswith("/events"):
        return  # an authorised event stream stays open forever, by design
    params = re.findall(r"{(\w+)}", template)
    path = template
    for name in params:
        value = data.draw(st.one_of(st.just(real_id), _TEXT.filter(lambda t: t.strip())))
        path = path.replace("{" + name + "}", quote(value, safe=""))
    query = data.draw(
        st.dictionaries(
            st.sampled_from(["stream", "after", "days", "limit", "filename", "x"]),
            _TEXT,
            max_size=3,
        ),
        label="query",
    )
    headers = dict(creds[who])
    if data.draw(st.booleans(), label="json content type"):
        headers["Content-Type"] = "application/json"
    body = data.draw(_BODY, label="body") if method in ("POST", "PUT", "PATCH") else None
    response = client.request(method, path, params=query, content=body, headers=headers)
    assert response.status_code < 500, (method, path, query, body, response.text[:300])
    if response.headers.get("content-type", "").startswith("application/json"):
        response.json()  # always valid JSON, even for errors
