"""Split long text into overlapping chunks of bounded size, for English and Chinese alike.

Sizes are in characters, not tokens, because the right tokenizer depends on the embedding
model and a Chinese character and an English word are both about one token anyway.

Text is cut preferably between paragraphs, then between sentences (``. ! ?`` followed by
whitespace, and ``。！？；…`` anywhere, since Chinese puts no space after them), then at line
breaks, and only as a last resort in the middle of a sentence. Each chunk after the first
starts with up to the last ``overlap`` characters of the one before it, as whole sentences, so
a chunk never starts mid-sentence; only a sentence too long for a chunk, already cut, is
repeated from the middle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["chunk_text"]

_CJK_END = "。！？；…"
_LATIN_END = ".!?"
_CLOSERS = "\"'”’」』）)]】"
# A sentence ends after CJK end punctuation anywhere, after Latin end punctuation only when
# whitespace or the end follows (so "3.5" and "v1.2" stay whole), and at every line break
# (lists, table rows and unpunctuated Chinese lines are natural units too).
# Runs are matched possessively and only from their first character, so a long run of "!"
# costs linear time, not quadratic.
_BOUNDARY = re.compile(
    rf"[{_CJK_END}]++[{re.escape(_CLOSERS)}]*+"
    rf"|(?<![{re.escape(_LATIN_END)}])[{re.escape(_LATIN_END)}]++[{re.escape(_CLOSERS)}]*+(?=\s|$)"
    r"|\n"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SOFT_CUT = " \t，、,:：;"
_PARAGRAPH_JOINER = "\n\n"


@dataclass(frozen=True)
class _Atom:
    """A piece of text no longer than the packing limit, and what joins it to the previous one."""

    joiner: str
    text: str
    cut: bool = False  # a piece of a sentence too long for a chunk, cut where it had to be


def chunk_text(text: str, *, chunk_size: int = 800, overlap: int = 120) -> list[str]:
    """Split ``text`` into chunks of at most ``chunk_size`` characters.

    Consecutive chunks share about ``overlap`` characters. Empty or whitespace-only input
    gives an empty list; no chunk is ever empty.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    if overlap < 0:
        raise ValueError(f"overlap must not be negative, got {overlap}")
    if overlap >= chunk_size:
        raise ValueError(f"overlap ({overlap}) must be smaller than chunk_size ({chunk_size})")

    # Atoms are kept short enough that the overlap carried from the previous chunk, a
    # paragraph joiner and one atom always fit together; otherwise a long atom would leave no
    # room for overlap.
    limit = max(1, chunk_size - overlap - len(_PARAGRAPH_JOINER))
    atoms = _atoms(text, limit)
    chunks: list[str] = []
    current: list[_Atom] = []
    size = 0  # _length(current), kept up to date rather than recomputed per atom
    for atom in atoms:
        if current and size + len(atom.joiner) + len(atom.text) > chunk_size:
            chunks.append(_render(current))
            current = _carry(current, overlap)
            size = _length(current)
            while current and size + len(atom.joiner) + len(atom.text) > chunk_size:
                current = _carry(current, size - 1)
                size = _length(current)
        size += len(atom.text) + (len(atom.joiner) if current else 0)
        current.append(atom)
    if current:
        chunks.append(_render(current))
    return chunks


def _atoms(text: str, limit: int) -> list[_Atom]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    atoms: list[_Atom] = []
    for paragraph in _PARAGRAPH_BREAK.split(text.strip()):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        joiner = _PARAGRAPH_JOINER
        if len(paragraph) <= limit:
            atoms.append(_Atom(joiner, paragraph))
            continue
        for sentence_joiner, sentence in _sentences(paragraph):
            pieces = _hard_cut(sentence, limit)
            for index, (piece_joiner, piece) in enumerate(pieces):
                if index == 0:
                    piece_joiner = joiner or sentence_joiner
                atoms.append(_Atom(piece_joiner, piece, cut=len(pieces) > 1))
                joiner = ""
    return atoms


def _sentences(paragraph: str) -> list[tuple[str, str]]:
    """Split a paragraph into (joiner, sentence) pairs that concatenate back to the paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start() if match.group() == "\n" else match.end()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(paragraph)))

    out: list[tuple[str, str]] = []
    previous_end = 0
    for begin, end in spans:
        piece = paragraph[begin:end]
        stripped = piece.strip()
        if not stripped:
            continue
        begin += len(piece) - len(piece.lstrip())
        gap = paragraph[previous_end:begin]
        out.append(("\n" if "\n" in gap else " " if gap else "", stripped))
        previous_end = begin + len(stripped)
    return out


def _hard_cut(sentence: str, limit: int) -> list[tuple[str, str]]:
    """Cut an over-long sentence, preferring a space or comma in the second half of a window."""
    pieces: list[tuple[str, str]] = []
    rest = sentence
    joiner = ""
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(ch) for ch in _SOFT_CUT)
        if cut < limit // 2:
            cut = limit
        else:
            cut += 1  # keep the comma with the text before it
        head, rest = rest[:cut], rest[cut:]
        if head.strip():
            pieces.append((joiner, head.strip()))
        joiner = " " if head[-1:].isspace() or rest[:1].isspace() else ""
        rest = rest.lstrip()
    if rest.strip():
        pieces.append((joiner, rest.strip()))
    return pieces


def _length(atoms: list[_Atom]) -> int:
    return sum(len(a.text) for a in atoms) + sum(len(a.joiner) for a in atoms[1:])


def _render(atoms: list[_Atom]) -> str:
    return atoms[0].text + "".join(a.joiner + a.text for a in atoms[1:])


def _carry(atoms: list[_Atom], budget: int) -> list[_Atom]:
    """The tail of a chunk, at most ``budget`` characters, to repeat at the start of the next."""
    if budget <= 0 or not atoms:
        return []
    taken: list[_Atom] = []  # in reverse order
    size = 0
    for atom in reversed(atoms):
        grown = len(atom.text) + (size + len(taken[-1].joiner) if taken else 0)
        if grown > budget:
            break
        taken.append(atom)
        size = grown
    if taken:
        return taken[::-1]
    last = atoms[-1]
    if not last.cut:
        # A paragraph too long to repeat whole: its last sentences that fit, or nothing; a
        # chunk that starts mid-sentence ("supplies cost £12 per item.") reads as nonsense.
        sentences = _sentences(last.text)
        kept: list[_Atom] = []
        size = 0
        for joiner, sentence in reversed(sentences[1:] if len(sentences) > 1 else []):
            grown = len(sentence) + (size + len(kept[-1].joiner) if kept else 0)
            if grown > budget:
                break
            kept.append(_Atom(joiner, sentence))
            size = grown
        return kept[::-1]
    # A piece of a sentence that had to be cut anyway (a run of text without punctuation):
    # repeat its last characters, from a word start if the text has spaces (Chinese has
    # none, and is cut anywhere).
    tail = last.text[-budget:]
    space = tail.find(" ")
    if 0 <= space < len(tail) // 2:
        tail = tail[space + 1 :]
    tail = tail.strip()
    return [_Atom("", tail, cut=True)] if tail else []
