"""Answer evaluation: generated answers against reference answers.

A data file is JSONL, one object a line::

    {"question": "...", "reference": "...", "answer": "...", "sources": ["<entry id>", ...]}

``answer`` and ``sources`` are optional: rows without an answer are put to the real Assistant
(kefu.dialogue.assistant), whose reply and cited sources are then scored. ``contexts`` (a list
of passage texts) may stand in for ``sources`` when scoring answers produced elsewhere.

Metrics, per row and averaged overall and per language:

- ``rouge_l``: F-measure of the longest common subsequence of tokens, where a token is one Han
  character or one Latin word (so Chinese is scored at character level, English at word level,
  as is usual for each; jieba's segmentation would make the score depend on the segmenter).
- ``similarity``: cosine of the answer's and the reference's sentence embeddings.
- ``groundedness``: the share of the answer's substantive sentences (three content terms or
  more) whose terms are at least 75 % in the cited sources, the same test the grounding gate of
  the dialogue applies while streaming (kefu.dialogue.grounding).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import IngestError

if TYPE_CHECKING:
    import numpy as np

    from kefu.text.tokenize import Tokenizer

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# One Han character, or a run of other letters and digits (a run stops at a Han character).
_TOKEN = re.compile(rf"[{_HAN}]|[^\W_{_HAN}]+")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|(?<=[。！？；;])|\n+")


@dataclass(frozen=True)
class AnswerCase:
    question: str
    reference: str
    answer: str | None = None
    sources: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    language: str = "en"


@dataclass
class ScoredAnswer:
    case: AnswerCase
    answer: str
    sources: list[str]
    rouge_l: float
    similarity: float
    groundedness: float | None  # None: no substantive sentence to check
    mode: str = "given"
    handoff: bool = False


def load_cases(path: Path) -> list[AnswerCase]:
    from kefu.text.language import detect_language

    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"cannot read the answers file: {exc}") from exc
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(str(path), f"invalid JSON: {exc.msg}", row=n) from exc
        if not isinstance(obj, dict):
            raise IngestError(str(path), "each line must be a JSON object", row=n)
        question, reference = obj.get("question"), obj.get("reference")
        if not isinstance(question, str) or not isinstance(reference, str) or not reference:
            raise IngestError(str(path), 'each line needs "question" and "reference" text', n)
        answer = obj.get("answer")
        if answer is not None and not isinstance(answer, str):
            raise IngestError(str(path), '"answer" must be text', row=n)
        sources, contexts = obj.get("sources") or [], obj.get("contexts") or []
        if not all(isinstance(s, str) for s in [*sources, *contexts]):
            raise IngestError(str(path), '"sources" and "contexts" must be lists of text', n)
        lang = detect_language(question + " " + reference)
        language = "zh" if lang in ("zh", "mixed") else "en"
        out.append(AnswerCase(question, reference, answer, list(sources), list(contexts), language))
    if not out:
        raise IngestError(str(path), "no rows")
    return out


def rouge_tokens(text: str) -> list[str]:
    """One token per Han character, one per Latin word, lowercased; punctuation dropped."""
    from kefu.text.normalize import normalize

    return _TOKEN.findall(normalize(text))


def rouge_l(candidate: str, reference: str, *, beta: float = 1.0) -> float:
    """ROUGE-L F-measure (Lin, 2004) over `rouge_tokens`."""
    c, r = rouge_tokens(candidate), rouge_tokens(reference)
    if not c or not r:
        return 0.0
    lcs = _lcs_length(c, r)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(c), lcs / len(r)
    return (1 + beta**2) * precision * recall / (recall + beta**2 * precision)


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    # One row of the dynamic programme at a time: O(len(a) * len(b)) time, O(len(b)) memory.
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCES.split(text) if s and s.strip()]


@cache
def _attribution() -> re.Pattern[str]:
    """The lead-in of an extractive answer, 'From “<title>”: ' / '根据《<title>》：'."""
    from kefu.dialogue.messages import reply

    forms = []
    for language in ("en", "zh"):
        template = reply("extractive_prefix", language)
        head, _, tail = template.partition("{title}")
        forms.append(f"{re.escape(head)}.+?{re.escape(tail.strip())}\\s*")
    return re.compile(f"^(?:{'|'.join(forms)})")


def groundedness(answer: str, source_texts: Sequence[str], tokenizer: Tokenizer) -> float | None:
    """Share of substantive answer sentences supported by the sources (None if there are none).

    An extractive answer's lead-in names the section it quotes; it attributes, it claims
    nothing, and joined to the quote it would span two source sentences (the heading and the
    body) and fail the one-sentence test: a word-for-word quote scored 0 (tester L)."""
    from kefu.dialogue.grounding import GroundedSentences
    from kefu.types import Entry, Passage

    passages = [Passage(Entry(f"s{i}", "chunk", t), 0.0) for i, t in enumerate(source_texts)]
    gate = GroundedSentences(passages, tokenizer)
    checked = supported = 0
    for sentence in split_sentences(_attribution().sub("", answer.strip(), count=1)):
        if len(gate.terms(sentence)) < gate.min_terms:
            continue  # "Sure!", "Happy to help." make no claim to check
        checked += 1
        # The generated path's own test: words, numbers, polarity, one source sentence.
        supported += gate.unsupported(sentence) is None
    return supported / checked if checked else None


def score_answers(
    rows: Sequence[tuple[AnswerCase, str, list[str], list[str], str, bool]],
    *,
    embed: Callable[[list[str]], np.ndarray],
    tokenizer: Tokenizer,
) -> list[ScoredAnswer]:
    """``rows``: (case, answer, cited source ids, cited source texts, mode, handoff)."""
    import numpy as np

    answers = [r[1] for r in rows]
    refs = [r[0].reference for r in rows]
    if rows:
        a, b = embed(answers), embed(refs)
        sims = np.sum(np.asarray(a) * np.asarray(b), axis=1)  # both L2-normalised
    else:
        sims = np.zeros(0)
    out = []
    for (case, answer, ids, texts, mode, handoff), sim in zip(rows, sims, strict=True):
        out.append(
            ScoredAnswer(
                case=case,
                answer=answer,
                sources=ids,
                rouge_l=round(rouge_l(answer, case.reference), 4),
                similarity=round(float(sim), 4),
                groundedness=groundedness(answer, texts, tokenizer),
                mode=mode,
                handoff=handoff,
            )
        )
    return out


def summarize_answers(scored: Sequence[ScoredAnswer]) -> dict[str, Any]:
    out: dict[str, Any] = {"overall": _averages(scored)}
    for lang in sorted({s.case.language for s in scored}):
        out[lang] = _averages([s for s in scored if s.case.language == lang])
    return out


def _averages(scored: Sequence[ScoredAnswer]) -> dict[str, Any]:
    def mean(values: Sequence[float]) -> float | None:
        return round(sum(values) / len(values), 4) if values else None

    grounded = [s.groundedness for s in scored if s.groundedness is not None]
    modes: dict[str, int] = {}
    for s in scored:
        modes[s.mode] = modes.get(s.mode, 0) + 1
    return {
        "answers": len(scored),
        "rouge_l": mean([s.rouge_l for s in scored]),
        "similarity": mean([s.similarity for s in scored]),
        "groundedness": mean(grounded),
        "checked_for_grounding": len(grounded),
        "handoff_rate": mean([1.0 if s.handoff else 0.0 for s in scored]),
        "modes": modes,
    }


def scored_row(s: ScoredAnswer) -> dict[str, Any]:
    return {
        "question": s.case.question,
        "reference": s.case.reference,
        "answer": s.answer,
        "sources": s.sources,
        "language": s.case.language,
        "mode": s.mode,
        "handoff": s.handoff,
        "rouge_l": s.rouge_l,
        "similarity": s.similarity,
        "groundedness": None if s.groundedness is None else round(s.groundedness, 4),
    }
