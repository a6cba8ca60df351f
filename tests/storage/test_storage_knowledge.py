"""KnowledgeRepository: whole-source replacement, id clashes, removal and lookups."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import pytest

from kefu.errors import NotFoundError, StorageError
from kefu.storage.db import Database
from kefu.storage.knowledge_repo import KnowledgeRepository, entry_text_hash
from kefu.types import Entry


def faq(i: str, **changes: Any) -> Entry:
    entry = Entry(
        id=i, kind="faq", text=f"question {i}?", answer=f"answer {i}.", title=f"T{i}", language="en"
    )
    return replace(entry, **changes)


def store(repo: KnowledgeRepository, path: str, entries: list[Entry], digest: str = "h1") -> None:
    repo.replace_source(
        path=path, name=path.rsplit("/", 1)[-1], kind="csv", content_hash=digest, entries=entries
    )


@pytest.fixture
def repo(db: Database) -> KnowledgeRepository:
    return KnowledgeRepository(db)


def test_round_trip_keeps_chinese_text_metadata_and_order(repo: KnowledgeRepository) -> None:
    entries = [
        Entry(
            id="退货-1",
            kind="faq",
            text="如何申请退货？",
            answer="登录账户，在“我的订单”中点击“申请退货”。",
            title="退货流程",
            category="售后",
            language="zh",
            metadata={"标签": ["退货", "售后"], "priority": 2, "nested": {"ok": True}},
        ),
        Entry(id="doc.md#1", kind="chunk", text="Shipping takes 3–5 days. 发货需要3到5天。"),
        Entry(id="doc.md#2", kind="chunk", text="Second chunk", title="", language="mixed"),
    ]
    record = repo.replace_source(
        path="kb/退货.csv", name="退货.csv", kind="csv", content_hash="a" * 64, entries=entries
    )
    assert record.entry_count == 3
    assert record.path == "kb/退货.csv"
    assert record.added_at.tzinfo is not None

    got = repo.entries()
    assert [e.id for e in got] == ["退货-1", "doc.md#1", "doc.md#2"]
    # Everything but `source` (which the repository fills in) survives unchanged.
    for original, stored in zip(entries, got, strict=True):
        assert stored.source == "kb/退货.csv"
        assert stored == Entry(**{**original.__dict__, "source": "kb/退货.csv"})
    assert got[0].metadata["标签"] == ["退货", "售后"]

    with_hashes = repo.entries_with_hashes()
    assert [h for _, h in with_hashes] == [entry_text_hash(e) for e in entries]
    assert repo.get_source("kb/退货.csv") == record
    assert repo.count() == 3


def test_text_hash_depends_on_kind_text_and_answer() -> None:
    base = faq("1")
    assert entry_text_hash(base) == entry_text_hash(faq("1", title="other title"))
    assert entry_text_hash(base) != entry_text_hash(Entry(id="1", kind="faq", text=base.text))
    assert entry_text_hash(Entry(id="x", kind="faq", text="t", answer="")) != entry_text_hash(
        Entry(id="x", kind="faq", text="t", answer=None)
    )


def test_replacing_a_source_drops_its_old_entries(repo: KnowledgeRepository) -> None:
    store(repo, "a.csv", [faq("1"), faq("2"), faq("3")])
    store(repo, "b.csv", [faq("b1")])
    first = repo.get_source("a.csv")
    assert first is not None

    store(repo, "a.csv", [faq("3"), faq("4")], digest="h2")
    assert [e.id for e in repo.entries("a.csv")] == ["3", "4"]
    assert [e.id for e in repo.entries("b.csv")] == ["b1"]
    assert repo.count() == 3
    second = repo.get_source("a.csv")
    assert second is not None
    assert second.id == first.id and second.added_at == first.added_at
    assert second.content_hash == "h2" and second.entry_count == 2
    assert second.updated_at >= first.updated_at
    assert repo.get_entries(["1", "2", "4", "nope"]).keys() == {"4"}


def test_id_clash_with_another_source_changes_nothing(repo: KnowledgeRepository) -> None:
    store(repo, "a.csv", [faq("1"), faq("2")])
    store(repo, "b.csv", [faq("b1"), faq("b2")])

    # The clash is found after b.csv's old rows were deleted; the rollback must restore them.
    with pytest.raises(StorageError) as info:
        store(repo, "b.csv", [faq("b9"), faq("2")], digest="new")
    assert "'2'" in str(info.value) and "a.csv" in str(info.value)

    # A brand-new source that clashes must not be left behind either.
    with pytest.raises(StorageError, match=r"a\.csv"):
        store(repo, "c.csv", [faq("c1"), faq("1")])

    assert [e.id for e in repo.entries("a.csv")] == ["1", "2"]
    assert [e.id for e in repo.entries("b.csv")] == ["b1", "b2"]
    assert [s.path for s in repo.list_sources()] == ["a.csv", "b.csv"]
    b = repo.get_source("b.csv")
    assert b is not None and b.content_hash == "h1" and b.entry_count == 2
    assert repo.get_source("c.csv") is None
    assert repo.count() == 4


def test_bad_entries_are_refused_before_writing(repo: KnowledgeRepository) -> None:
    store(repo, "a.csv", [faq("1")])
    bad_batches = [
        ([faq("x"), faq("x")], "twice"),
        ([faq("y"), Entry(id="z", kind="faq", text="nul \x00 byte")], "NUL"),
        ([Entry(id="", kind="faq", text="no id")], "empty"),
        ([Entry(id="w", kind="faq", text="   ")], "empty"),
        ([Entry(id="v", kind="faq", text="ok", metadata={"x": object()})], "JSON"),
        ([Entry(id="s", kind="faq", text="bad \udcff surrogate")], "Unicode"),
        ([], "no entries"),
    ]
    for batch, reason in bad_batches:
        with pytest.raises(StorageError, match=reason):
            store(repo, "a.csv", batch, digest="changed")
    assert [e.id for e in repo.entries()] == ["1"]
    source = repo.get_source("a.csv")
    assert source is not None and source.content_hash == "h1"


def test_remove_source_by_path_name_and_id(repo: KnowledgeRepository) -> None:
    store(repo, "kb/a.csv", [faq("1"), faq("2")])
    store(repo, "kb/b.csv", [faq("3")])
    store(repo, "kb/c.csv", [faq("4")])
    assert repo.remove_source("kb/a.csv") == ["1", "2"]
    assert repo.remove_source("b.csv") == ["3"]  # by name
    c = repo.find_source("kb/c.csv")
    assert c is not None
    assert repo.find_source(str(c.id)) == c
    assert repo.remove_source(c.id) == ["4"]
    assert repo.count() == 0 and repo.list_sources() == []
    with pytest.raises(NotFoundError):
        repo.remove_source("kb/a.csv")
    with pytest.raises(NotFoundError):
        repo.remove_source(999)
    with pytest.raises(NotFoundError):
        repo.remove_source(2**40)  # beyond a PostgreSQL integer: not found, not a driver error
    assert repo.find_source(str(2**40)) is None


def test_ambiguous_name_is_an_error(repo: KnowledgeRepository) -> None:
    store(repo, "x/faq.csv", [faq("1")])
    store(repo, "y/faq.csv", [faq("2")])
    with pytest.raises(StorageError, match="more than one"):
        repo.find_source("faq.csv")
    found = repo.find_source("y/faq.csv")
    assert found is not None and found.path == "y/faq.csv"
    assert repo.find_source("nothing") is None


def test_remove_entry_updates_and_finally_removes_the_source(repo: KnowledgeRepository) -> None:
    store(repo, "a.csv", [faq("1"), faq("2")])
    assert repo.remove_entry("1") == "a.csv"
    source = repo.get_source("a.csv")
    assert source is not None
    assert source.entry_count == 1
    # Cleared so that re-ingesting the unchanged file brings the entry back.
    assert source.content_hash == ""
    assert [e.id for e in repo.entries()] == ["2"]

    assert repo.remove_entry("2") == "a.csv"
    assert repo.get_source("a.csv") is None
    assert repo.count() == 0
    with pytest.raises(NotFoundError, match="'2'"):
        repo.remove_entry("2")


def test_every_change_raises_the_revision_and_nothing_else_does(
    db: Database, repo: KnowledgeRepository
) -> None:
    """What a running server reads to learn that another process changed the knowledge."""
    assert repo.revision() == 0
    store(repo, "kb/a.csv", [faq("a1"), faq("a2")])
    store(repo, "kb/b.csv", [faq("b1")])
    assert repo.revision() == 2
    store(repo, "kb/a.csv", [faq("a1")], digest="h2")  # replaced
    assert repo.revision() == 3
    repo.remove_entry("a1")  # its source goes with it
    repo.remove_source("kb/b.csv")
    assert repo.revision() == 5
    # Reading, and changes refused or of nothing, leave it alone (rolled back with them).
    repo.entries(), repo.list_sources(), repo.count()
    with pytest.raises(StorageError):
        store(repo, "kb/c.csv", [faq("c1"), faq("c1")])
    with pytest.raises(NotFoundError):
        repo.remove_source("kb/nothing.csv")
    with pytest.raises(NotFoundError):
        repo.remove_entry("nothing")
    store(repo, "kb/c.csv", [faq("c1")])
    with pytest.raises(StorageError, match="already used"):
        store(repo, "kb/d.csv", [faq("c1")])
    assert repo.revision() == 6
    # Another handle on the same database (another process) reads the same number.
    other = Database(db.url)
    try:
        assert KnowledgeRepository(other).revision() == 6
    finally:
        other.dispose()


def test_entries_of_unknown_source_is_not_found(repo: KnowledgeRepository) -> None:
    with pytest.raises(NotFoundError):
        repo.entries("missing.csv")
    assert repo.get_entries([]) == {}


def test_bulk_replace_of_20k_entries(repo: KnowledgeRepository) -> None:
    n = 20_000
    entries = [
        Entry(id=f"e{i}", kind="chunk", text=f"段落 {i} chunk text " * 5, metadata={"i": i})
        for i in range(n)
    ]
    started = time.perf_counter()
    record = repo.replace_source(
        path="big.md", name="big.md", kind="md", content_hash="b" * 64, entries=entries
    )
    elapsed = time.perf_counter() - started
    assert record.entry_count == n
    assert repo.count() == n
    assert elapsed < 30, f"20k entries took {elapsed:.1f}s"
    # Lookups span several IN-list chunks.
    wanted = [f"e{i}" for i in range(0, n, 7)]
    assert set(repo.get_entries(wanted)) == set(wanted)
    # Replacing again with a third of them leaves exactly that third.
    store(repo, "big.md", entries[: n // 3])
    assert repo.count() == n // 3
    stored = repo.entries("big.md")
    assert [e.metadata["i"] for e in stored] == list(range(n // 3))
