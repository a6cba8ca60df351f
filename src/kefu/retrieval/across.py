"""A search of the entries written in the other language than the question (docs/retrieval.md,
Across languages).

A business may write some of its knowledge in one language only: a letting agency's tenant
handbook in English, a ride-hailing firm's safety rules in Chinese. The routed embedder scores
an English question with MiniLM, which cannot read Chinese, and a Chinese question with e5
against every entry, where the Chinese entries, however wrong, outscore an English one that
answers. This search looks only at the entries in the other language, with e5 on both sides
(multilingual), and gives the same evidence as `KnowledgeIndex.search` read on e5's scale, so
the confidence model can judge it (`kefu.retrieval.crosslang` decides when it is used).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kefu.retrieval.dense import top_k
from kefu.retrieval.embedders import E5_KEYWORD_WEIGHT, across_vectors
from kefu.retrieval.features import BASE_FEATURES, CROSS_FLAG, _features
from kefu.retrieval.index import ranked_passages

if TYPE_CHECKING:
    from kefu.retrieval.index import KnowledgeIndex, SearchResult

_CODES = {"en": 0, "zh": 1}  # as `kefu.retrieval.features._scripts` writes them


def search_across(
    index: KnowledgeIndex, query: str, language: str, *, top_k_: int = 5
) -> SearchResult | None:
    """The entries in ``language`` (``"en"`` or ``"zh"``) that best match ``query``, or None
    where there are none or the embedder is not multilingual."""
    import numpy as np

    from kefu.retrieval.index import SearchResult

    with index._lock:
        entries, dense, bm25 = index.entries, index._dense, index._bm25
        token_sets, background, scripts = index._token_sets, index._background, index._scripts
    if not entries or dense is None or scripts is None or not query.strip():
        return None
    members = np.flatnonzero(scripts == _CODES[language])
    if members.size == 0:
        return None
    vectors = across_vectors(index.embedder, [query])
    if vectors is None:
        return None
    q_vec = vectors[0]
    n = len(entries)
    q_tokens = index.tokenizer.tokenize(query)
    kw_scores = (
        bm25.get_scores(q_tokens) if q_tokens and bm25 is not None else np.zeros(n, np.float32)
    )
    dense_scores, pool = dense.scored_entries(q_vec, n)
    if pool is not None:
        members = np.intersect1d(members, pool)
        if members.size == 0:
            return None
    # Scored as e5 scores a Chinese question: its cosine plus its small BM25 weight (shared
    # Latin words and numbers: "PDF", "S$", "48").
    scores = np.full(n, -np.inf, dtype=np.float32)
    scores[members] = dense_scores[members] + E5_KEYWORD_WEIGHT * kw_scores[members]
    order = members[top_k(scores[members], max(top_k_, 2))]
    passages = ranked_passages(entries, order[:top_k_], scores, dense_scores, kw_scores)
    # The runner-up and the keyword winner are read among these entries only: the other
    # language's entries are not rivals here (they were searched, and not confidently).
    member_kw = np.zeros(n, dtype=np.float32)
    member_kw[members] = kw_scores[members]
    features = _features(
        q_tokens,
        order,
        scores=np.where(np.isfinite(scores), scores, -1.0).astype(np.float32),
        dense_scores=dense_scores,
        kw_scores=member_kw,
        token_sets=token_sets,
        background=background @ q_vec if background is not None else dense_scores,
        scripts=None,
    )
    # e5's scale throughout: the features a Chinese question gets (second model's share 0).
    features["second_model"] = 0.0
    for name in BASE_FEATURES:
        features[f"{name}*second"] = 0.0
    features["is_faq"] = 1.0 if passages[0].entry.kind == "faq" else 0.0
    return SearchResult(passages, features, q_tokens, q_vec)


def with_other_language(
    index: KnowledgeIndex,
    query: str,
    result: SearchResult,
    predict: Callable[[dict[str, float]], float],
    *,
    faq_threshold: float,
    chunk_threshold: float,
    top_k_: int = 5,
) -> SearchResult:
    """``result``, or the search of the other language's entries where that answers and
    ``result`` does not.

    Precision first: the other language is searched only when the question's own search is
    below the threshold of its kind (an entry in the question's language that answers always
    wins), and its result replaces it only when its own confidence (``predict`` reads the
    `CROSS_FLAG` and holds it to the stricter cross-language bar, `kefu.dialogue.confidence`)
    clears the threshold of its kind. The question's own search vector is kept: the learned
    emergency check and the intents read it as trained.
    """
    from kefu.retrieval.index import SearchResult
    from kefu.text.language import detect_language
    from kefu.text.variants import to_mandarin

    if result.passages:
        own = faq_threshold if result.passages[0].entry.kind == "faq" else chunk_threshold
        if predict(result.features) >= own:
            return result
    language = detect_language(to_mandarin(query))
    if language not in _OTHER:
        return result  # mixed or script-less: both languages were searched already
    across = search_across(index, query, _OTHER[language], top_k_=top_k_)
    if across is None:
        return result
    features = {**across.features, CROSS_FLAG: 1.0}
    needed = faq_threshold if features["is_faq"] >= 0.5 else chunk_threshold
    if predict(features) < needed:
        return result
    return SearchResult(across.passages, features, result.query_tokens, result.query_vector)


_OTHER = {"en": "zh", "zh": "en"}
