"""A file an older kefu read is read again when it is added again after an upgrade that
changed the reading (`kefu.ingest.loaders.INGEST_VERSION`), even though its bytes did not
change: re-adding is how a user gets the cleaned text (report Q, finding 4)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import kefu.ingest._markdown as markdown
from kefu.config import Settings
from kefu.knowledge.base import KnowledgeBase
from kefu.retrieval.embedders import HashingEmbedder
from kefu.storage.db import Database
from kefu.text.tokenize import MixedTokenizer

POLICY = (
    "# Returns\n\n## Refunds\n\nRefunds take 5 days.\n\n## Rentals\n\n"
    "Late returns cost $15 per day. <script>alert('kb-xss')</script> "
    "<img src=x onerror=\"alert('kbimg')\"> Cleaning fees of $25 apply.\n"
)


def test_re_adding_a_file_read_before_the_markup_fix_reads_it_again(
    settings: Settings,
    db: Database,
    tokenizer: MixedTokenizer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "policy.md"
    path.write_text(POLICY, encoding="utf-8")
    kb = KnowledgeBase(settings, db=db, embedder=HashingEmbedder(), tokenizer=tokenizer)
    # The knowledge base as an older kefu left it: the markup stored, the hash of the bytes.
    with monkeypatch.context() as old:
        old.setattr(markdown, "strip_markup", lambda text: text)
        kb.add([path])
    key = str(path.resolve())
    stored = kb.entries()
    assert any("<script>" in e.text for e in stored)
    (source,) = kb.sources()
    kb.repo.replace_source(
        path=key,
        name=source.name,
        kind=source.kind,
        content_hash=hashlib.sha256(path.read_bytes()).hexdigest(),
        entries=stored,
    )

    report = kb.add([path])
    assert report.updated == [key] and report.unchanged == []
    assert report.embedded == 1  # only the rentals chunk came out different
    texts = "\n".join(e.text for e in kb.entries())
    assert "<" not in texts and "alert" not in texts
    assert "Late returns cost $15 per day. Cleaning fees of $25 apply." in texts
    # And once read by this version, the same file is unchanged again.
    assert kb.add([path]).unchanged == [key]
