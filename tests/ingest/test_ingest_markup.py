"""Raw HTML in Markdown, text and FAQ files is read as a page would show it (report Q, finding
4): no tag, script, event handler or script link reaches an entry, an answer or a source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kefu._markup import strip_markup
from kefu.guard.documents import clean_passages, sanitize_entry
from kefu.ingest import load_file
from kefu.types import Entry, Passage

ROOT = Path(__file__).resolve().parents[2]
# Anything of the markup: a tag, a handler, a script scheme, what a script would run.
ACTIVE = re.compile(r"<\s*/?\s*[a-z]|on(error|load|click|mouseover)\b|javascript:|alert\(", re.I)

PAYLOAD = (
    "Late returns cost $15 per day. <script>alert('kb-xss')</script> "
    "<img src=x onerror=\"alert('kbimg')\"> Cleaning fees of $25 apply.\n"
    "<iframe src='https://evil.example/'>framed text</iframe>Tents ship <b>free</b>.\n"
    '<div onmouseover="alert(1)">Hover help</div> See the [portal](javascript:alert(1)).\n'
    "<STYLE>body{display:none}</STYLE><object data=x.swf>fallback</object>Bring a receipt.\n"
    "<a href=\"javascript:alert(2)\" onclick='x()'>Warranty page</a> and <javascript:alert(3)>."
)
VISIBLE = [
    "Late returns cost $15 per day. Cleaning fees of $25 apply.",
    "Tents ship free.",
    "Hover help See the portal.",
    "Bring a receipt.",
    "Warranty page and .",
]


def _texts(entries: list[Entry]) -> str:
    return "\n".join(f"{e.title}\n{e.text}\n{e.answer or ''}" for e in entries)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_document_keeps_the_text_and_loses_the_markup(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"rentals{suffix}"
    path.write_text(f"Rentals\n\n{PAYLOAD}\n", encoding="utf-8")
    text = _texts(load_file(path))
    assert ACTIVE.findall(text) == []
    for line in VISIBLE:
        assert line in text
    assert "framed text" not in text and "fallback" not in text and "display" not in text


def test_the_testers_returns_policy(tmp_path: Path) -> None:
    entries = load_file(ROOT / "devsets" / "blackbox" / "outdoor" / "returns_policy.md")
    text = _texts(entries)
    assert ACTIVE.findall(text) == []
    assert (
        "Late returns cost $15 per day. Cleaning fees of $25 apply to tents returned muddy." in text
    )


def test_an_faq_answer_and_a_json_document_lose_the_markup(tmp_path: Path) -> None:
    faq = tmp_path / "faq.csv"
    faq.write_text(
        'question,answer\nWhere is the <b>checklist</b>?,"See our <b>safety checklist</b> '
        "<script>alert('x')</script><img src=x onerror=alert(1)> and [a link](javascript:"
        'alert(1))."\n',
        encoding="utf-8",
    )
    (entry,) = load_file(faq)
    assert entry.text == "Where is the checklist?"
    assert entry.answer == "See our safety checklist and a link."
    doc = tmp_path / "docs.jsonl"
    doc.write_text(json.dumps({"text": f"Rentals.\n{PAYLOAD}"}) + "\n", encoding="utf-8")
    text = _texts(load_file(doc))
    assert ACTIVE.findall(text) == [] and VISIBLE[0] in text


def test_a_script_inside_a_comment_leaves_no_comment_open(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nA <!-- <script> --> fact.\n\nAnother fact.\n", encoding="utf-8")
    assert _texts(load_file(path)).count("fact") == 2


def test_an_entry_stored_before_the_change_is_shown_without_markup() -> None:
    # What an older kefu stored keeps its markup until the file is added again; what is
    # shown (an answer, a prompt, an opened source) loses it anyway.
    chunk = Entry("policy#6", "chunk", PAYLOAD, title="Rentals")
    faq = Entry("faq-1", "faq", "Checklist?", answer="<b>Yes, online</b><script>alert(1)</script>")
    (p1, p2) = clean_passages([Passage(chunk, score=1.0), Passage(faq, score=1.0)])
    assert ACTIVE.findall(p1.entry.display_text + p2.entry.display_text) == []
    assert VISIBLE[0] in p1.entry.display_text and p2.entry.display_text == "Yes, online"
    opened = sanitize_entry(chunk)
    assert opened is not None and ACTIVE.findall(opened.display_text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Bags under <5 kg ship free; a < b > c.",
        "Write to <help@shop.example> or see <https://shop.example/help>.",
        "Plain text with no markup at all.",
        "如果顾客对商品不满意，可在7天内退货。",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text: str) -> None:
    assert strip_markup(text) == text


def test_an_unclosed_script_takes_only_the_rest_of_its_line() -> None:
    assert strip_markup("Stray <script> in prose\nThe next line stays.") == (
        "Stray\nThe next line stays."
    )
