"""`kefu.guard._regex.Alternation`: a long alternation searched branch by branch gives the same
match as the one compiled pattern, on the rules' own patterns and on real messages."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from kefu.dialogue import intents
from kefu.guard import (
    emergency,
    emergency_indirect,
    emergency_person,
    fraud,
    fraud_securities,
    injection,
    suicide_signs,
)
from kefu.guard._regex import Alternation, top_level_branches
from kefu.guard.views import views

ROOT = Path(__file__).resolve().parents[2]

RULES = {
    "EMERGENCY": emergency.EMERGENCY,
    "SELF_HARM": emergency.SELF_HARM,
    "PERSON": emergency_person.PERSON,
    "BESIDES_TOUCH": emergency_person._BESIDES_TOUCH,
    "INJECTION": injection._INJECTION,
    "FRAUD_EN": fraud._FRAUD_EN,
    "FRAUD_EN_UNLESS_VICTIM": fraud._FRAUD_EN_UNLESS_VICTIM,
    "FRAUD_ZH": fraud._FRAUD_ZH,
    "ACT": emergency_indirect.ACT,
    "INTENT": suicide_signs.INTENT,
    "SECURITIES_ZH": fraud_securities._ZH,
    "SECURITIES_EN": fraud_securities._EN,
    "COMPLAINT": intents._COMPLAINT,
}


def _messages() -> list[str]:
    """Ordinary questions (the packs' FAQ), emergencies, fraud and their look-alikes (dev sets)."""
    out = []
    for path in sorted((ROOT / "src" / "kefu" / "packs" / "data").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            out += [row["question"] for row in csv.DictReader(fh)]
    files = sorted((ROOT / "devsets" / "emergency").glob("ordinary_*.jsonl"))
    files += sorted((ROOT / "devsets" / "blackbox").glob("*/emergency_set.jsonl"))
    files += sorted((ROOT / "devsets" / "fraud").glob("*.jsonl"))
    files += sorted((ROOT / "devsets" / "safety").glob("*.jsonl"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


@pytest.mark.parametrize("name", sorted(RULES))
def test_the_rules_alternations_find_what_the_whole_pattern_finds(name: str) -> None:
    rule = RULES[name]
    assert isinstance(rule, Alternation)
    whole = re.compile(rule.pattern, rule.flags)
    found = 0
    for message in _messages():
        for text in views(message):
            want, got = whole.search(text), rule.search(text)
            assert (want and want.span()) == (got and got.span()), (name, text)
            found += want is not None
    # the corpus holds matches of every rule, so the spans above were compared, not just Nones
    assert found > 0, name


def test_branches_keep_groups_classes_and_escapes_whole() -> None:
    assert top_level_branches(r"a|(b|c)|[|]|\||[]|]x|[^]|]y|d") == [
        "a", "(b|c)", "[|]", r"\|", "[]|]x", "[^]|]y", "d"
    ]  # fmt: skip
    assert top_level_branches("abc") == ["abc"]


@pytest.mark.parametrize(
    ("pattern", "text", "span"),
    [
        # leftmost wins, whatever the branch order
        (r"world|hello", "hello world", (0, 5)),
        # at the same position, the earlier branch wins, as in one pattern
        (r"ab|abc", "xabc", (1, 3)),
        (r"abc|ab", "xabc", (1, 4)),
        # lookbehinds and anchors read the whole text, as before the split
        (r"(?<!not )sick|^ill", "not sick but sick", (13, 17)),
        (r"end$|start", "the end", (4, 7)),
    ],
)
def test_search_gives_the_leftmost_match_like_one_pattern(
    pattern: str, text: str, span: tuple[int, int]
) -> None:
    m = Alternation(pattern).search(text)
    assert m is not None and m.span() == span == re.search(pattern, text).span()  # type: ignore[union-attr]


def test_no_branch_matching_is_none() -> None:
    assert Alternation(r"cat|dog", re.IGNORECASE).search("a BIRD") is None
    assert Alternation(r"cat|dog", re.IGNORECASE).search("a DOG") is not None


@pytest.mark.parametrize("pattern", [r"(?i)cat|dog", r"(a)b\1|c", r"(a)?(?(1)b|c)|d"])
def test_patterns_whose_meaning_changes_apart_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        Alternation(pattern)
