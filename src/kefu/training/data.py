"""Training data for the LLM: question/answer pairs and raw documents, and their splits.

Pairs and documents are read with kefu's own ingestion loaders, so a file that `kefu kb add`
accepts (CSV/TSV/JSON/JSONL with question and answer columns, Markdown, text, HTML, PDF) can be
trained on as it is. Nothing here imports torch: reading and splitting data is cheap.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kefu.errors import ConfigError

if TYPE_CHECKING:
    from kefu.types import Entry


@dataclass(frozen=True)
class QAPair:
    """One supervised example: the customer's question and the answer to learn."""

    question: str
    answer: str
    group: str = ""  # pairs of one group (a topic, a source document) stay in one split


def pairs_from_entries(entries: Sequence[Entry]) -> list[QAPair]:
    """The FAQ entries (question + curated answer) among `entries`, in order."""
    return [
        QAPair(question=e.text.strip(), answer=e.answer.strip(), group=e.id)
        for e in entries
        if e.kind == "faq" and e.answer and e.text.strip() and e.answer.strip()
    ]


def texts_from_entries(entries: Sequence[Entry]) -> list[str]:
    """Raw text for continued pre-training: document chunks, and FAQ pairs written out."""
    texts: list[str] = []
    for e in entries:
        if e.kind == "faq" and e.answer:
            texts.append(f"{e.text.strip()}\n{e.answer.strip()}")
        elif e.text.strip():
            texts.append(e.text.strip())
    return texts


def load_entries(paths: Sequence[Path]) -> list[Entry]:
    """Every entry of the given files and folders, read by kefu's ingestion loaders."""
    from kefu.ingest.loaders import iter_files, load_file

    files = iter_files([Path(p) for p in paths])
    if not files:
        raise ConfigError(f"no supported training files in {', '.join(map(str, paths))}")
    # Large chunks for pre-training: the trainer packs text into blocks itself, so the
    # loader's chunking only needs to keep paragraphs together.
    entries: list[Entry] = []
    for path in files:
        entries.extend(load_file(path, chunk_size=4000, overlap=0))
    return entries


def load_pairs(paths: Sequence[Path]) -> list[QAPair]:
    """Question/answer pairs from CSV/TSV/JSON/JSONL files; ConfigError when there are none."""
    pairs = pairs_from_entries(load_entries(paths))
    if not pairs:
        raise ConfigError(
            "no question/answer pairs found: give a CSV or JSONL file with 'question' and "
            "'answer' columns (or use --objective clm for raw documents)"
        )
    return pairs


def load_texts(paths: Sequence[Path]) -> list[str]:
    """Raw documents (any file kefu can ingest) for `--objective clm`."""
    texts = texts_from_entries(load_entries(paths))
    if not texts:
        raise ConfigError(f"no text found in {', '.join(map(str, paths))}")
    return texts


def _bucket(key: str, seed: int) -> float:
    """A stable number in [0, 1) for `key`: the same split on every run and every machine."""
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_pairs(
    pairs: Sequence[QAPair], *, val_fraction: float = 0.1, seed: int = 0, min_val: int = 1
) -> tuple[list[QAPair], list[QAPair]]:
    """(train, validation): whole groups go to one side, chosen by a hash of the group.

    Hashing the group rather than shuffling keeps a pair on the same side when pairs are added
    to the file later, so a validation figure is never measured on data trained before. With
    fewer than two pairs there is no validation split.
    """
    if not 0.0 <= val_fraction < 1.0:
        raise ConfigError(f"val_fraction must be in [0, 1), got {val_fraction}")
    if len(pairs) < 2 or val_fraction == 0.0:
        return list(pairs), []
    train: list[QAPair] = []
    val: list[QAPair] = []
    for pair in pairs:
        key = pair.group or pair.question
        (val if _bucket(key, seed) < val_fraction else train).append(pair)
    # Tiny files: hashing may leave a side empty; move whole groups so both have something.
    if len(val) < min_val and train:
        rng = random.Random(seed)
        groups = sorted({p.group or p.question for p in train})
        rng.shuffle(groups)
        for group in groups:
            if len(val) >= min_val or len(train) <= 1:
                break
            moved = [p for p in train if (p.group or p.question) == group]
            if len(moved) >= len(train):
                continue
            val.extend(moved)
            train = [p for p in train if (p.group or p.question) != group]
    if not train:
        train, val = val, []
    return train, val


def split_texts(
    texts: Sequence[str], *, val_fraction: float = 0.1, seed: int = 0
) -> tuple[list[str], list[str]]:
    """(train, validation) documents, by a stable hash of each text."""
    if len(texts) < 2 or val_fraction <= 0.0:
        return list(texts), []
    train = [t for t in texts if _bucket(t, seed) >= val_fraction]
    val = [t for t in texts if _bucket(t, seed) < val_fraction]
    if not val:
        val, train = train[-1:], train[:-1]
    if not train:
        train, val = val[:-1], val[-1:]
    return train, val
