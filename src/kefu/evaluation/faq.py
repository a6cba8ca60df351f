"""FAQ evaluation: recall@k, MRR, and how well the assistant declines what the KB can't answer.

A query file is JSONL, one object a line: ``{"query": "...", "expected": "<entry id>"}``, or
``"expected": null`` for a question the knowledge base does not answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kefu.errors import IngestError


@dataclass(frozen=True)
class Query:
    query: str
    expected: str | None
    language: str
    line: int = 0  # in the query file, for messages


@dataclass(frozen=True)
class QueryResult:
    query: Query
    ranked: list[str]  # entry ids, best first
    confidence: float
    features: dict[str, float]


def load_queries(path: Path) -> list[Query]:
    from kefu.ingest._common import check_regular_file
    from kefu.text.language import detect_language

    out: list[Query] = []
    check_regular_file(path)  # not a pipe or device, which would never finish reading
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"cannot read the query file: {exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(str(path), f"invalid JSON: {exc.msg}", row=n) from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("query"), str):
            raise IngestError(str(path), 'each line needs {"query": "...", "expected": ...}', n)
        if not obj["query"].strip():
            raise IngestError(str(path), "empty query", row=n)
        expected = obj.get("expected")
        if expected is not None and not isinstance(expected, str):
            raise IngestError(str(path), '"expected" must be an entry id or null', row=n)
        lang = detect_language(obj["query"])
        language = "zh" if lang in ("zh", "mixed") else "en"
        out.append(Query(obj["query"], expected, language, line=n))
    if not out:
        raise IngestError(str(path), "no queries")
    return out


def check_expected(path: Path, queries: Sequence[Query], known: set[str], source: str) -> None:
    """IngestError naming the line of the first ``expected`` id that is not an entry id.

    Scored, such a query would only ever count as a miss, which hides a typo (or an id the
    loader generated differently) inside a worse recall.
    """
    unknown = [q for q in queries if q.expected is not None and q.expected not in known]
    if not unknown:
        return
    first = unknown[0]
    more = f" (nor are {len(unknown) - 1} more expected ids)" if len(unknown) > 1 else ""
    raise IngestError(
        str(path),
        f"expected id {first.expected!r} is not an entry of the knowledge base loaded from "
        f"{source}{more}; 'kefu kb list --entries' shows the ids",
        row=first.line,
    )


def run_queries(
    search: Callable[[str], Any],
    predict: Callable[[dict[str, float]], float],
    queries: Iterable[Query],
) -> list[QueryResult]:
    """``search(text)`` returns a `SearchResult`; ``predict(features)`` a confidence."""
    results = []
    for q in queries:
        r = search(q.query)
        results.append(
            QueryResult(q, [p.entry.id for p in r.passages], predict(r.features), r.features)
        )
    return results


def summarize(results: Sequence[QueryResult], threshold: float) -> dict[str, Any]:
    """Metrics overall and per language at one answer threshold."""
    out: dict[str, Any] = {"overall": _metrics(results, threshold)}
    for lang in sorted({r.query.language for r in results}):
        out[lang] = _metrics([r for r in results if r.query.language == lang], threshold)
    return out


def _metrics(results: Sequence[QueryResult], t: float) -> dict[str, float | int]:
    pos = [r for r in results if r.query.expected is not None]
    neg = [r for r in results if r.query.expected is None]

    def rank(r: QueryResult) -> int | None:
        try:
            return r.ranked.index(r.query.expected or "") + 1
        except ValueError:
            return None

    ranks = [rank(r) for r in pos]
    answered_ok = sum(1 for r in pos if r.confidence >= t and rank(r) == 1)
    answered_wrong = sum(1 for r in pos if r.confidence >= t and rank(r) != 1)
    declined_neg = sum(1 for r in neg if r.confidence < t)
    declined_pos = sum(1 for r in pos if r.confidence < t)
    declined = declined_neg + declined_pos
    n_pos, n_neg = len(pos), len(neg)
    return {
        "queries": len(results),
        "answerable": n_pos,
        "unanswerable": n_neg,
        "recall@1": _ratio(sum(1 for k in ranks if k == 1), n_pos),
        "recall@5": _ratio(sum(1 for k in ranks if k is not None and k <= 5), n_pos),
        "mrr": _ratio(sum(1.0 / k for k in ranks if k), n_pos),
        "answered_correct": _ratio(answered_ok, n_pos),
        "answered_wrong": _ratio(answered_wrong, n_pos),
        # Handoff as a detector of unanswerable questions: recall = share of them declined.
        "decline_recall": _ratio(declined_neg, n_neg),
        "decline_precision": _ratio(declined_neg, declined),
    }


def verdict(r: QueryResult, threshold: float) -> str:
    """One query's outcome as the metrics count it: ``right`` (answered with the expected entry
    first), ``wrong`` (answered otherwise, or answered at all where nothing should be),
    ``declined`` (an answerable question handed over) or ``declined_ok``."""
    answered = r.confidence >= threshold
    if r.query.expected is None:
        return "wrong" if answered else "declined_ok"
    if not answered:
        return "declined"
    return "right" if r.ranked[:1] == [r.query.expected] else "wrong"


def result_rows(results: Sequence[QueryResult], threshold: float) -> list[dict[str, Any]]:
    """One row per query, in file order, for finding which questions went wrong."""
    return [
        {
            "line": r.query.line,
            "query": r.query.query,
            "expected": r.query.expected,
            "language": r.query.language,
            "verdict": verdict(r, threshold),
            "confidence": round(r.confidence, 4),
            "top5": r.ranked[:5],
        }
        for r in results
    ]


def _ratio(a: float, b: int) -> float:
    return round(a / b, 4) if b else 0.0
