"""KnowledgeBase over a real database (SQLite and PostgreSQL) with the hashing embedder.

The embedder is wrapped in a counter, so "nothing was re-embedded" is checked by counting
the texts the index actually sent to the embedder, not by trusting the report.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from kefu_tests_retrieval_embedder_contract import CountingEmbedder

from kefu.config import Settings
from kefu.errors import KefuError, NotFoundError
from kefu.knowledge.base import KnowledgeBase
from kefu.retrieval.embedders import HashingEmbedder
from kefu.storage.db import Database
from kefu.text.tokenize import MixedTokenizer

ROWS = [
    ("faq-refund", "How long does a refund take?", "Refunds arrive within 5-7 business days."),
    ("faq-track", "How do I track my order?", "Open Orders and tap Track package."),
    ("faq-zh-invoice", "怎么开发票？", "在订单详情页点击“申请发票”即可。"),
    ("faq-zh-address", "下单后还能改收货地址吗？", "发货前可以在订单详情中修改收货地址。"),
]


def write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "question", "answer"])
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


class Harness:
    """A KnowledgeBase plus the counter of its embedder; `fresh()` is a new process's view."""

    def __init__(self, settings: Settings, db: Database, tokenizer: MixedTokenizer) -> None:
        self.settings = settings
        self.db = db
        self.tokenizer = tokenizer
        self.counter = CountingEmbedder(HashingEmbedder())
        self.kb = KnowledgeBase(settings, db=db, embedder=self.counter, tokenizer=tokenizer)

    def fresh(self) -> Harness:
        return Harness(self.settings, self.db, self.tokenizer)

    def top_id(self, query: str) -> str:
        passages = self.kb.search(query).passages
        assert passages, f"no passages for {query!r}"
        return passages[0].entry.id

    def ids(self) -> set[str]:
        return {e.id for e in self.kb.entries()}

    def found_ids(self, query: str) -> set[str]:
        return {p.entry.id for p in self.kb.search(query, top_k=50).passages}


@pytest.fixture
def h(settings: Settings, db: Database, tokenizer: MixedTokenizer) -> Harness:
    return Harness(settings, db, tokenizer)


@pytest.fixture
def faq_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "files" / "faq.csv", ROWS)


# -- adding -------------------------------------------------------------------------------
def test_added_rows_are_searchable_by_id(h: Harness, faq_csv: Path) -> None:
    assert h.kb.is_empty()
    report = h.kb.add([faq_csv])
    assert report.ok
    assert report.failed == [] and report.unchanged == []
    assert report.added == [(str(faq_csv.resolve()), len(ROWS))]
    assert h.ids() == {r[0] for r in ROWS}
    assert not h.kb.is_empty()
    for entry_id, question, answer in ROWS:
        assert h.top_id(question) == entry_id
        passage = h.kb.search(question).passages[0]
        assert passage.entry.answer == answer
        assert passage.entry.kind == "faq"
        assert passage.entry.source == str(faq_csv.resolve())
    languages = {e.id: e.language for e in h.kb.entries()}
    assert languages["faq-refund"] == "en" and languages["faq-zh-invoice"] == "zh"
    (source,) = h.kb.sources()
    assert source.path == str(faq_csv.resolve())
    assert source.name == "faq.csv"
    assert source.entry_count == len(ROWS)


def test_add_embeds_each_faq_twice_as_a_query(h: Harness, faq_csv: Path) -> None:
    h.kb.warm_up()  # empty knowledge base: nothing to embed yet
    assert h.counter.texts() == []
    report = h.kb.add([faq_csv])
    assert report.embedded == len(ROWS)
    assert len(h.counter.texts("query")) == 2 * len(ROWS)
    assert h.counter.texts("passage") == []


def test_first_add_reports_what_it_embedded(h: Harness, faq_csv: Path) -> None:
    # The first add() of a process (every `kefu kb add`) warms the index up on the way.
    report = h.kb.add([faq_csv])
    assert len(h.counter.texts("query")) == 2 * len(ROWS)
    assert report.embedded == len(ROWS)


def test_re_adding_an_unchanged_file_embeds_nothing(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    h.counter.reset()
    report = h.kb.add([faq_csv])
    assert report.unchanged == [str(faq_csv.resolve())]
    assert report.added == [] and report.failed == []
    assert report.embedded == 0
    assert h.counter.texts() == []
    # A new KnowledgeBase object (as a new CLI process would make) agrees.
    other = h.fresh()
    report = other.kb.add([faq_csv])
    assert report.unchanged == [str(faq_csv.resolve())]
    assert report.embedded == 0
    assert other.counter.texts() == []
    assert other.top_id("怎么开发票？") == "faq-zh-invoice"


def test_modified_file_replaces_its_entries(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    h.counter.reset()
    new_rows = [
        ROWS[0],
        (ROWS[1][0], ROWS[1][1], "Go to Orders, then Track."),  # changed answer
        ROWS[2],
        ("faq-gift", "Can I send an order as a gift?", "Tick This is a gift at checkout."),
    ]  # faq-zh-address dropped
    write_csv(faq_csv, new_rows)
    report = h.kb.add([faq_csv])
    assert report.added == [(str(faq_csv.resolve()), 4)]
    assert report.unchanged == []
    assert report.embedded == 2  # the changed entry and the new one
    assert len(h.counter.texts()) == 4  # two views each
    assert h.ids() == {r[0] for r in new_rows}
    assert len(h.kb.sources()) == 1 and h.kb.sources()[0].entry_count == 4
    assert h.kb.search(ROWS[1][1]).passages[0].entry.answer == "Go to Orders, then Track."
    assert h.top_id("Can I send an order as a gift?") == "faq-gift"
    assert "faq-zh-address" not in h.found_ids("下单后还能改收货地址吗？")


def test_bad_file_is_stored_not_at_all_but_good_file_is(h: Harness, tmp_path: Path) -> None:
    good = write_csv(tmp_path / "good.csv", ROWS[:2])
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,question,answer\n"
        "bad-1,What are your opening hours?,We are open 9 to 5.\n"
        "bad-2,Do you ship abroad?,\n"  # line 3: no answer
        "bad-3,Can I pay by card?,Yes.\n",
        encoding="utf-8",
    )
    report = h.kb.add([bad, good])
    assert not report.ok
    assert report.added == [(str(good.resolve()), 2)]
    ((failed_path, message),) = report.failed
    assert failed_path == str(bad.resolve())
    assert "bad.csv" in message
    assert "row 3" in message
    assert "answer" in message
    assert h.ids() == {"faq-refund", "faq-track"}
    assert [s.name for s in h.kb.sources()] == ["good.csv"]
    assert not {"bad-1", "bad-3"} & h.found_ids("What are your opening hours?")
    assert h.top_id("How do I track my order?") == "faq-track"


def test_broken_new_version_keeps_the_old_one(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    faq_csv.write_text("id,question,answer\nx,Only a question,\n", encoding="utf-8")
    report = h.kb.add([faq_csv])
    assert len(report.failed) == 1 and report.added == []
    assert h.ids() == {r[0] for r in ROWS}
    assert h.top_id("How do I track my order?") == "faq-track"


def test_id_clash_with_another_file_is_refused(h: Harness, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "a.csv", ROWS[:2])
    second = write_csv(tmp_path / "b.csv", [(ROWS[0][0], "Another question?", "Another.")])
    report = h.kb.add([first, second])
    assert report.added == [(str(first.resolve()), 2)]
    ((failed_path, message),) = report.failed
    assert failed_path == str(second.resolve())
    assert ROWS[0][0] in message
    assert h.kb.search(ROWS[0][1]).passages[0].entry.answer == ROWS[0][2]


def test_an_id_clash_with_a_stored_file_is_refused_before_anything_is_embedded(
    h: Harness, tmp_path: Path
) -> None:
    # QA report D: the summary said "1 newly embedded" for a file that was then refused.
    first = write_csv(tmp_path / "a.csv", ROWS[:2])
    assert h.kb.add([first]).ok
    second = write_csv(tmp_path / "b.csv", [(ROWS[0][0], "A new question?", "A new answer.")])
    report = h.kb.add([second])
    ((failed_path, message),) = report.failed
    assert failed_path == str(second.resolve()) and "already used by the source" in message
    assert report.embedded == 0
    assert h.kb.repo.count() == 2


def test_files_with_the_same_stem_get_distinct_generated_ids(h: Harness, tmp_path: Path) -> None:
    en = tmp_path / "dup" / "en" / "returns.md"
    zh = tmp_path / "dup" / "zh" / "returns.md"
    for path, text in ((en, "Returns are free within 30 days."), (zh, "30天内退货免费。")):
        path.parent.mkdir(parents=True)
        path.write_text(f"# Returns\n\n{text}\n", encoding="utf-8")
    tsv = tmp_path / "good.tsv"
    tsv.write_text("question\tanswer\nDo you ship abroad?\tYes, to 40 countries.\n", "utf-8")
    js = tmp_path / "good.json"
    js.write_text('[{"question": "Do you gift-wrap?", "answer": "Yes, for $2."}]', "utf-8")

    report = h.kb.add([tmp_path / "dup", tsv, js])
    assert report.ok and len(report.added) == 4
    by_source = {Path(e.source).relative_to(tmp_path).as_posix(): e.id for e in h.kb.entries()}
    # The first file keeps the stem-based id; the others the shortest telling path end.
    assert by_source == {
        "dup/en/returns.md": "returns#1",
        "dup/zh/returns.md": "zh/returns.md#1",
        "good.tsv": "good:2",
        "good.json": "good.json:1",
    }
    assert h.top_id("Do you gift-wrap?") == "good.json:1"

    # A changed file keeps its ids, whichever form they took.
    en.write_text("# Returns\n\nReturns are free within 60 days.\n", encoding="utf-8")
    zh.write_text("# Returns\n\n60天内退货免费。\n", encoding="utf-8")
    h.kb.add([en, zh])
    assert {e.id for e in h.kb.entries()} == set(by_source.values())


def test_a_directory_ingests_every_supported_file(h: Harness, tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    write_csv(folder / "faq.csv", ROWS[:2])
    (folder / "guide.md").write_text(
        "# Shipping guide\n\nWe ship parcels to forty countries with express couriers.\n",
        encoding="utf-8",
    )
    (folder / "sub").mkdir()
    (folder / "sub" / "notes.txt").write_text(
        "保修政策：所有电子产品享受一年保修。\n", encoding="utf-8"
    )
    (folder / "sub" / "more.json").write_text(
        '[{"id": "json-1", "question": "Do you sell gift cards?", "answer": "Yes, online."}]',
        encoding="utf-8",
    )
    write_csv(folder / ".hidden.csv", [("hidden-1", "Hidden question?", "Hidden.")])
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    report = h.kb.add([folder])
    assert report.ok, report.failed
    added = {Path(p).name: n for p, n in report.added}
    assert set(added) == {"faq.csv", "guide.md", "notes.txt", "more.json"}
    assert added["faq.csv"] == 2 and added["more.json"] == 1
    ids = h.ids()
    assert "hidden-1" not in ids
    assert {"faq-refund", "faq-track", "json-1"} <= ids
    assert h.top_id("Do you sell gift cards?") == "json-1"
    chunks = [e for e in h.kb.entries() if e.kind == "chunk"]
    assert {Path(e.source).name for e in chunks} == {"guide.md", "notes.txt"}
    assert h.kb.search("express couriers forty countries").passages[0].entry.kind == "chunk"
    # Chunks are embedded once, as passages.
    assert len(h.counter.texts("passage")) == len(chunks)


def test_progress_reports_reading_and_embedding(h: Harness, faq_csv: Path) -> None:
    h.kb.warm_up()
    stages: list[tuple[str, int, int]] = []
    h.kb.add([faq_csv], progress=lambda stage, done, total: stages.append((stage, done, total)))
    assert ("reading", 1, 1) in stages
    embedding = [s for s in stages if s[0] == "embedding"]
    assert embedding and embedding[-1][1] == embedding[-1][2] == 2 * len(ROWS)


def test_a_folder_with_nothing_to_read_is_an_error(h: Harness, tmp_path: Path) -> None:
    from kefu.errors import IngestError

    (tmp_path / "empty").mkdir()
    with pytest.raises(IngestError, match=r"empty: nothing to add: no files \(kefu reads"):
        h.kb.add([tmp_path / "empty"])
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "a.png").write_bytes(b"x")
    with pytest.raises(IngestError, match=r"every file was skipped \(a\.png: kefu does not"):
        h.kb.add([pictures])


def test_what_a_folder_skips_is_reported(h: Harness, faq_csv: Path, tmp_path: Path) -> None:
    (faq_csv.parent / "logo.png").write_bytes(b"x")
    (faq_csv.parent / "old.csv").symlink_to(tmp_path / "deleted.csv")
    (tmp_path / "empty").mkdir()
    report = h.kb.add([faq_csv.parent, tmp_path / "empty"])
    assert report.ok and report.added == [(str(faq_csv.resolve()), len(ROWS))]
    assert [(Path(p).name, why.split(" ")[0]) for p, why in report.skipped] == [
        ("logo.png", "kefu"),
        ("old.csv", "broken"),
        ("empty", "nothing"),
    ]


def test_missing_path_raises(h: Harness, tmp_path: Path) -> None:
    from kefu.errors import IngestError

    with pytest.raises(IngestError, match="no such file"):
        h.kb.add([tmp_path / "missing.csv"])


# -- interrupted adds (Ctrl-C) -----------------------------------------------------------------
MANY = [(f"faq-{i}", f"Question number {i} about parcel {i}?", f"Answer {i}.") for i in range(40)]


def _interrupt_embedding(stage: str, done: int, total: int) -> None:
    # 40 FAQ rows are 80 texts: batches of 64 and 16, so this stops half-way through.
    if stage == "embedding" and 0 < done < total:
        raise KeyboardInterrupt


def test_interrupted_embedding_leaves_the_knowledge_base_as_it_was(
    h: Harness, tmp_path: Path
) -> None:
    other = write_csv(tmp_path / "other.csv", [("o-1", "Do you sell gift cards?", "Yes.")])
    h.kb.add([other])
    many = write_csv(tmp_path / "many.csv", MANY)
    with pytest.raises(KeyboardInterrupt):
        h.kb.add([many], progress=_interrupt_embedding)
    # The next process sees the knowledge base as before: no source, no entry of the file,
    # and nothing waiting to be embedded by the first search.
    after = h.fresh()
    assert [s.name for s in after.kb.sources()] == ["other.csv"]
    assert after.ids() == {"o-1"}
    assert after.kb.warm_up() == 0 and after.counter.texts() == []
    # Adding the file again stores and embeds all of it, with the progress shown.
    stages: list[tuple[str, int, int]] = []
    report = after.kb.add([many], progress=lambda *s: stages.append(s))
    assert report.added == [(str(many.resolve()), len(MANY))]
    assert report.embedded == len(MANY)
    assert ("embedding", 2 * len(MANY), 2 * len(MANY)) in stages
    assert after.top_id(MANY[7][1]) == "faq-7"


def test_interrupted_update_keeps_the_old_version(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    write_csv(faq_csv, MANY)
    with pytest.raises(KeyboardInterrupt):
        h.kb.add([faq_csv], progress=_interrupt_embedding)
    after = h.fresh()
    assert after.ids() == {r[0] for r in ROWS}
    assert after.top_id("How do I track my order?") == "faq-track"
    report = after.kb.add([faq_csv])  # not "unchanged": the new version was never stored
    assert report.added == [(str(faq_csv.resolve()), len(MANY))]
    assert report.updated == [str(faq_csv.resolve())]
    assert after.ids() == {r[0] for r in MANY}


def test_interrupt_while_storing_still_saves_the_index_of_what_was_stored(
    h: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_csv(tmp_path / "a.csv", ROWS[:2])
    second = write_csv(tmp_path / "b.csv", ROWS[2:])
    store = h.kb.repo.replace_source
    calls = 0

    def replace_then_interrupt(**kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return store(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(h.kb.repo, "replace_source", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        h.kb.add([first, second])
    after = h.fresh()
    assert after.ids() == {ROWS[0][0], ROWS[1][0]}
    assert after.kb.warm_up() == 0  # the stored file's vectors were saved on the way out
    assert after.top_id(ROWS[1][1]) == ROWS[1][0]


# -- removing -----------------------------------------------------------------------------
def test_remove_by_path(h: Harness, faq_csv: Path, tmp_path: Path) -> None:
    other = write_csv(tmp_path / "other.csv", [("o-1", "Do you sell gift cards?", "Yes.")])
    h.kb.add([faq_csv, other])
    removed = h.kb.remove(str(faq_csv))
    assert removed == [r[0] for r in ROWS]
    assert h.ids() == {"o-1"}
    assert [s.name for s in h.kb.sources()] == ["other.csv"]
    assert not {r[0] for r in ROWS} & h.found_ids("How do I track my order?")


def test_remove_by_file_name(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    assert h.kb.remove("faq.csv") == [r[0] for r in ROWS]
    assert h.kb.entries() == []
    assert h.kb.is_empty()
    assert h.kb.search("How do I track my order?").passages == []


def test_remove_by_source_id(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    (source,) = h.kb.sources()
    assert h.kb.remove(str(source.id)) == [r[0] for r in ROWS]
    assert h.kb.sources() == []


def test_remove_one_entry_by_id(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    h.counter.reset()
    assert h.kb.remove("faq-track") == ["faq-track"]
    assert h.counter.texts() == []  # the others keep their vectors
    assert h.ids() == {r[0] for r in ROWS} - {"faq-track"}
    assert "faq-track" not in h.found_ids("How do I track my order?")
    # Adding the unchanged file again restores the entry instead of skipping it.
    report = h.kb.add([faq_csv])
    assert report.added == [(str(faq_csv.resolve()), len(ROWS))]
    assert h.top_id("How do I track my order?") == "faq-track"


def test_a_key_that_is_a_source_id_and_an_entry_id_is_refused(h: Harness, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "first.csv", [("q-1", "Do you ship abroad?", "Yes.")])
    h.kb.add([first])
    (source,) = h.kb.sources()
    other = write_csv(tmp_path / "other.csv", [(str(source.id), "Opening hours?", "9 to 5.")])
    h.kb.add([other])
    key = str(source.id)
    with pytest.raises(KefuError, match="is both the source") as caught:
        h.kb.remove(key)
    message = str(caught.value)
    assert str(first.resolve()) in message and str(other.resolve()) in message
    assert f"--source {key}" in message and f"--entry {key}" in message
    assert h.ids() == {"q-1", key}  # nothing removed

    assert h.kb.remove(key, kind="entry") == [key]
    assert h.ids() == {"q-1"}
    h.kb.add([other])
    assert h.kb.remove(key, kind="source") == ["q-1"]
    assert h.ids() == {key}
    with pytest.raises(NotFoundError, match="an entry id"):
        h.kb.remove("first.csv", kind="entry")


def test_remove_a_deleted_file_by_its_relative_path(
    h: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "inputs" / "gone.csv", ROWS[:1])
    other = write_csv(tmp_path / "elsewhere" / "gone.csv", ROWS[1:2])
    h.kb.add([Path("inputs/gone.csv"), other])
    (tmp_path / "inputs" / "gone.csv").unlink()
    # The name alone is ambiguous (two gone.csv); the relative path is not.
    assert h.kb.remove("inputs/gone.csv") == [ROWS[0][0]]
    assert h.ids() == {ROWS[1][0]}


@pytest.mark.parametrize("key", ["nope.csv", "no-such-entry", "999999", "/no/such/file.csv"])
def test_unknown_key_is_not_found(h: Harness, faq_csv: Path, key: str) -> None:
    h.kb.add([faq_csv])
    with pytest.raises(NotFoundError, match="nothing called"):
        h.kb.remove(key)
    assert h.ids() == {r[0] for r in ROWS}


def test_remove_on_an_empty_knowledge_base(h: Harness) -> None:
    with pytest.raises(NotFoundError):
        h.kb.remove("faq.csv")


# -- persistence ----------------------------------------------------------------------------
def test_index_is_persisted_and_reused(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    folder = h.settings.index_dir / "kb-hashing"
    assert h.kb.index_dir == folder
    assert (folder / "manifest.json").is_file()
    assert (folder / "vectors.npy").is_file()
    assert folder.is_relative_to(h.settings.home)

    other = h.fresh()
    other.kb.warm_up()
    assert other.counter.calls == []  # everything came from the saved index
    assert other.top_id("怎么开发票？") == "faq-zh-invoice"
    assert other.top_id("How long does a refund take?") == "faq-refund"


def test_damaged_index_is_rebuilt(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    (h.kb.index_dir / "vectors.npy").write_bytes(b"garbage")
    other = h.fresh()
    other.kb.warm_up()
    assert len(other.counter.texts()) == 2 * len(ROWS)
    assert other.top_id("How do I track my order?") == "faq-track"
    # ...and the rebuilt index was saved again, so the next start embeds nothing.
    third = h.fresh()
    third.kb.warm_up()
    assert third.counter.texts() == []


def test_warm_up_twice_is_a_no_op(h: Harness, faq_csv: Path) -> None:
    h.kb.add([faq_csv])
    h.counter.reset()
    h.kb.warm_up()
    h.kb.warm_up()
    assert h.counter.texts() == []


def test_saved_index_follows_removals_and_is_not_rewritten_on_start(
    h: Harness, faq_csv: Path
) -> None:
    import json

    h.kb.add([faq_csv])
    h.kb.remove("faq-track")
    manifest = h.kb.index_dir / "manifest.json"
    # The removed entry's vector is gone from disk too, not only from memory.
    assert len(json.loads(manifest.read_text())["hashes"]) == len(ROWS) - 1
    before = manifest.stat().st_mtime_ns
    fresh = h.fresh()
    fresh.kb.warm_up()
    assert fresh.counter.texts() == []
    assert manifest.stat().st_mtime_ns == before  # a warm start reads; it does not rewrite


def test_refresh_picks_up_what_another_process_changed(
    h: Harness, faq_csv: Path, tmp_path: Path
) -> None:
    h.kb.add([faq_csv])
    other = h.fresh()  # a second server process on the same database
    assert not other.kb.changed()  # not loaded yet: it will read the knowledge as it is
    assert other.top_id("How long does a refund take?") == "faq-refund"
    assert not other.kb.changed()
    assert other.kb.refresh() == 0  # nothing changed: nothing embedded

    extra = write_csv(tmp_path / "files" / "gifts.csv", [("gift-1", "Do you gift-wrap?", "Yes.")])
    h.kb.add([extra])
    assert not h.kb.changed()  # its own change is in its own index already
    assert other.kb.changed()
    assert "gift-1" not in other.found_ids("Do you gift-wrap?")  # still the old index
    assert other.kb.refresh() == 1  # only the new entry is embedded
    assert not other.kb.changed()
    assert other.top_id("Do you gift-wrap?") == "gift-1"
    h.kb.add([extra])  # the same file again: nothing stored, nothing to reload
    assert not other.kb.changed()
    h.kb.remove("faq-refund")
    assert other.kb.changed()
    other.kb.refresh()
    assert not other.kb.changed()
    assert "faq-refund" not in other.found_ids("How long does a refund take?")
    with pytest.raises(NotFoundError):
        other.kb.entry("faq-refund")  # what the service's sources route opens
