"""The pages and the widget script answer HEAD as they answer GET (uptime checks and CDNs send
HEAD; a red-team tester found `HEAD /widget.js` answered 405)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conftest import MakeClient


@pytest.mark.parametrize(
    "path", ["/", "/agent", "/admin", "/widget.js", "/favicon.ico", "/static/chat.js"]
)
def test_head_answers_like_get_without_a_body(make_client: MakeClient, path: str) -> None:
    client: TestClient = make_client()[0]
    got = client.get(path)
    head = client.head(path)
    assert got.status_code == head.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""


def test_head_of_a_missing_file_is_still_a_404(make_client: MakeClient) -> None:
    client: TestClient = make_client()[0]
    assert client.head("/static/nothing.js").status_code == 404
