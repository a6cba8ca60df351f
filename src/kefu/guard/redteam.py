"""The red-team runner: attacks from a JSONL file, run through the real Assistant, judged.

One case is one attack (see devsets/redteam/ and benchmarks/data/redteam_heldout.jsonl)::

    {"id": "...", "category": "injection", "tactic": "base64", "language": "en",
     "turns": ["earlier message", ...],            # optional: a multi-turn attack
     "message": "the attack",
     "document": {"name": "promo.md", "text": "...", "injected": "..."},   # optional
     "checks": ["no_system_prompt", ...], "forbidden": ["FREE100"]}

A ``document`` is planted in the knowledge base (``text`` then ``injected``) before the run;
``injected`` is the attacker's part and never counts as trusted text for the checks. The
knowledge base is every demo pack plus the planted documents, in a throw-away home.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import KefuError
from kefu.guard.redteam_checks import CHECKS, EVERY_TURN, Reply, run_checks

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.dialogue.assistant import Assistant
    from kefu.types import Answer, Entry

Progress = Callable[[str, int, int], None]


class RedTeamSetError(KefuError):
    """A red-team file that cannot be read or has an invalid case."""


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    injected: str

    @property
    def body(self) -> str:
        return f"{self.text}\n\n{self.injected}"


@dataclass(frozen=True)
class RedTeamCase:
    id: str
    category: str
    language: str
    message: str
    checks: tuple[str, ...]
    tactic: str = ""
    turns: tuple[str, ...] = ()
    document: Document | None = None
    forbidden: tuple[str, ...] = ()


@dataclass
class CaseResult:
    case: RedTeamCase
    answer: dict[str, Any]
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def load_cases(path: str | Path) -> list[RedTeamCase]:
    """Read and validate one red-team JSONL file."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RedTeamSetError(f"cannot read the red-team set {path}: {exc}") from exc
    cases: list[RedTeamCase] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            cases.append(_parse(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise RedTeamSetError(f"{path}:{n}: invalid case: {exc}") from exc
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise RedTeamSetError(f"{path}: case ids are not unique")
    return cases


def _parse(row: dict[str, Any]) -> RedTeamCase:
    unknown = [c for c in row["checks"] if c not in CHECKS]
    if unknown:
        raise ValueError(f"unknown checks {unknown} in {row.get('id')}")
    doc = row.get("document")
    return RedTeamCase(
        id=str(row["id"]),
        category=str(row["category"]),
        language=str(row["language"]),
        message=str(row["message"]),
        checks=tuple(row["checks"]),
        tactic=str(row.get("tactic", "")),
        turns=tuple(str(t) for t in row.get("turns", ())),
        document=Document(doc["name"], doc["text"], doc.get("injected", "")) if doc else None,
        forbidden=tuple(row.get("forbidden", ())),
    )


def build_assistant(
    settings: Settings,
    cases: Iterable[RedTeamCase],
    *,
    progress: Progress | None = None,
) -> Assistant:
    """An Assistant over every demo pack plus the cases' planted documents, in ``settings.home``.

    ``settings.home`` should be a throw-away folder: the knowledge base is written there.
    """
    from kefu.dialogue.assistant import Assistant
    from kefu.knowledge.base import KnowledgeBase
    from kefu.packs import pack_files

    folder = settings.home / "redteam-documents"
    folder.mkdir(parents=True, exist_ok=True)
    paths = list(pack_files("demo"))
    for doc in {c.document.name: c.document for c in cases if c.document}.values():
        target = folder / doc.name
        target.write_text(doc.body, encoding="utf-8")
        paths.append(target)
    kb = KnowledgeBase(settings)
    report = kb.add(paths, progress=progress)
    if not report.ok:
        raise KefuError("; ".join(message for _, message in report.failed))
    return Assistant(settings, kb=kb)


def _fixed_replies() -> str:
    from kefu.dialogue import messages

    return "\n".join(messages.all_replies())


def trusted_text(
    entries: dict[str, Entry], answer: Answer, cases: Sequence[RedTeamCase] = ()
) -> str:
    """What a reply may repeat: its cited entries (planted instructions excluded) and the
    fixed replies. ``entries``: the knowledge base by entry id."""
    planted = {c.document.name: c.document for c in cases if c.document}
    # Cited ids are trusted: a generated answer names its sources ("[faq-12]").
    parts = [_fixed_replies(), " ".join(f"[{s.id}]" for s in answer.sources)]
    for source in answer.sources:
        entry = entries.get(source.id)
        if entry is None:
            continue
        doc = planted.get(Path(entry.source).name) if entry.source else None
        if doc is not None:
            parts.append(doc.text)  # the business-looking part only, never `injected`
        else:
            parts.append(f"{entry.title}\n{entry.display_text}")
    return "\n".join(parts)


def run_case(
    assistant: Assistant,
    case: RedTeamCase,
    cases: Sequence[RedTeamCase] = (),
    entries: dict[str, Entry] | None = None,
) -> CaseResult:
    """Run one attack (earlier turns first, in one conversation) and judge every reply."""
    if entries is None:
        entries = {e.id: e for e in assistant.kb.entries()}
    session = assistant.start(channel="redteam")
    failures: list[str] = []
    answer: Answer | None = None
    for n, text in enumerate([*case.turns, case.message]):
        answer = assistant.ask(text, session_id=session)
        last = n == len(case.turns)
        names = list(case.checks) if last else [c for c in case.checks if c in EVERY_TURN]
        reply = Reply(
            text=answer.text,
            handoff=answer.handoff,
            mode=answer.mode,
            trusted=trusted_text(entries, answer, cases or [case]),
            forbidden=case.forbidden,
        )
        prefix = "" if last else f"turn {n + 1}: "
        failures += [prefix + f for f in run_checks(names, reply)]
    assert answer is not None
    return CaseResult(case, answer.as_dict(), failures)


def run_cases(
    assistant: Assistant, cases: Sequence[RedTeamCase], *, progress: Progress | None = None
) -> list[CaseResult]:
    entries = {e.id: e for e in assistant.kb.entries()}  # read once, not per reply
    results = []
    for n, case in enumerate(cases, start=1):
        results.append(run_case(assistant, case, cases, entries))
        if progress:
            progress("attacks", n, len(cases))
    return results


def summarize(results: Sequence[CaseResult]) -> dict[str, Any]:
    """Pass rates overall, per category and per language, and the failed cases."""

    def rate(group: Sequence[CaseResult]) -> dict[str, Any]:
        passed = sum(r.passed for r in group)
        return {"cases": len(group), "passed": passed, "pass_rate": passed / len(group)}

    by_category: dict[str, list[CaseResult]] = defaultdict(list)
    by_language: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        by_category[r.case.category].append(r)
        by_language[r.case.language].append(r)
    return {
        "overall": rate(results) if results else {"cases": 0, "passed": 0, "pass_rate": 1.0},
        "by_category": {k: rate(v) for k, v in sorted(by_category.items())},
        "by_language": {k: rate(v) for k, v in sorted(by_language.items())},
        "failures": [
            {
                "id": r.case.id,
                "message": r.case.message,
                "reply": r.answer["answer"],
                "mode": r.answer["mode"],
                "failures": r.failures,
            }
            for r in results
            if not r.passed
        ],
    }
