"""Built-in packs through KnowledgeBase: read-only, searchable, index cached per pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from kefu_tests_retrieval_embedder_contract import CountingEmbedder

from kefu.config import Settings, load_settings
from kefu.errors import KefuError, NotFoundError
from kefu.knowledge.base import KnowledgeBase
from kefu.retrieval.embedders import HashingEmbedder
from kefu.text.tokenize import MixedTokenizer


@pytest.fixture
def home_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    home = tmp_path / "home"
    monkeypatch.setenv("KEFU_HOME", str(home))
    monkeypatch.delenv("KEFU_CONFIG", raising=False)
    return load_settings(home=home, embedder="hashing")


def pack_kb(
    settings: Settings, tokenizer: MixedTokenizer, pack: str = "ecommerce"
) -> tuple[KnowledgeBase, CountingEmbedder]:
    counter = CountingEmbedder(HashingEmbedder())
    return KnowledgeBase(settings, pack=pack, embedder=counter, tokenizer=tokenizer), counter


def test_ecommerce_pack_lists_its_entries(
    home_settings: Settings, tokenizer: MixedTokenizer
) -> None:
    kb, _ = pack_kb(home_settings, tokenizer)
    entries = kb.entries()
    assert len(entries) >= 90
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(("ec-en-", "ec-zh-")) for i in ids)
    assert {e.language for e in entries} == {"en", "zh"}
    assert all(e.kind == "faq" and e.answer for e in entries)
    assert not kb.is_empty()
    assert kb.scope == "pack-ecommerce"


def test_pack_refuses_changes(
    home_settings: Settings, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    kb, _ = pack_kb(home_settings, tokenizer)
    csv_file = tmp_path / "faq.csv"
    csv_file.write_text("id,question,answer\nx,Q?,A.\n", encoding="utf-8")
    with pytest.raises(KefuError, match="read-only"):
        kb.add([csv_file])
    with pytest.raises(KefuError, match="read-only"):
        kb.remove("ec-en-001")
    assert "ec-en-001" in {e.id for e in kb.entries()}
    assert "x" not in {e.id for e in kb.entries()}


def test_pack_exact_questions_are_found(home_settings: Settings, tokenizer: MixedTokenizer) -> None:
    kb, counter = pack_kb(home_settings, tokenizer)
    entries = kb.entries()
    kb.warm_up()
    assert len(counter.texts("query")) == 2 * len(entries)
    by_id = {e.id: e for e in entries}
    for entry_id in ("ec-en-016", "ec-en-038", "ec-zh-024", "ec-zh-034"):
        passages = kb.search(by_id[entry_id].text).passages
        assert passages[0].entry.id == entry_id
        assert len(passages) == home_settings.top_k


def test_pack_index_is_cached_under_home(
    home_settings: Settings, tokenizer: MixedTokenizer
) -> None:
    kb, _ = pack_kb(home_settings, tokenizer)
    kb.warm_up()
    folder = home_settings.index_dir / "pack-ecommerce-hashing"
    assert kb.index_dir == folder
    assert (folder / "manifest.json").is_file()

    again, counter = pack_kb(home_settings, tokenizer)
    again.warm_up()
    assert counter.texts() == []
    assert again.search("怎么开发票？").passages[0].entry.id == "ec-zh-034"


def test_packs_do_not_share_an_index(home_settings: Settings, tokenizer: MixedTokenizer) -> None:
    shop, _ = pack_kb(home_settings, tokenizer, "ecommerce")
    bank, _ = pack_kb(home_settings, tokenizer, "finance")
    assert shop.index_dir != bank.index_dir
    shop_ids = {p.entry.id for p in shop.search("I lost my card", top_k=10).passages}
    bank_ids = {p.entry.id for p in bank.search("I lost my card", top_k=10).passages}
    assert all(i.startswith("ec-") for i in shop_ids)
    assert all(i.startswith("fin-") for i in bank_ids)


def test_unknown_pack(home_settings: Settings, tokenizer: MixedTokenizer) -> None:
    kb, _ = pack_kb(home_settings, tokenizer, "nonexistent")
    with pytest.raises(NotFoundError, match="unknown pack"):
        kb.entries()


def test_a_pack_standing_in_for_an_empty_knowledge_base_gives_way_to_the_first_file(
    home_settings: Settings, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    def stand_in() -> KnowledgeBase:
        return KnowledgeBase(
            home_settings,
            pack="ecommerce",
            pack_is_fallback=True,
            embedder=HashingEmbedder(),
            tokenizer=tokenizer,
        )

    kb, other = stand_in(), stand_in()  # `other`: a second server process, same database
    kb.warm_up()
    other.warm_up()
    assert {e.id for e in kb.entries()} >= {"ec-en-001"}
    with pytest.raises(NotFoundError, match="empty"):
        kb.remove("ec-en-001")
    # A file that fails adds nothing: the pack goes on answering.
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert not kb.add([bad]).ok
    assert kb.pack == "ecommerce" and kb.search("refund").passages
    # The first file that works replaces the pack, here and (on refresh) in the other process.
    good = tmp_path / "faq.csv"
    good.write_text("id,question,answer\ngift-1,Do you sell gift cards?,Yes.\n", encoding="utf-8")
    assert not other.changed()
    assert kb.add([good]).ok
    assert kb.pack is None and not kb.pack_is_fallback
    assert [e.id for e in kb.entries()] == ["gift-1"]
    assert kb.search("Do you sell gift cards?").passages[0].entry.id == "gift-1"
    assert other.changed()  # what a server standing in with the pack checks for
    other.refresh()
    assert other.pack is None and not other.changed()
    assert other.search("Do you sell gift cards?").passages[0].entry.id == "gift-1"
    assert kb.remove("gift-1") == ["gift-1"]
    # With the last file gone the pack answers again, as on a server started on an empty
    # knowledge base (not an assistant that declines everything until a restart); here, and
    # in the other process once it sees the change.
    assert kb.pack == "ecommerce" and kb.pack_is_fallback
    assert kb.search("refund").passages[0].entry.id.startswith("ec-")
    assert other.changed()
    other.refresh()
    assert other.pack == "ecommerce" and other.pack_is_fallback
    assert other.search("refund").passages[0].entry.id.startswith("ec-")
    # ... and gives way again to the next file.
    assert kb.add([good]).ok and kb.pack is None
    other.refresh()
    assert other.pack is None
    assert other.search("Do you sell gift cards?").passages[0].entry.id == "gift-1"
