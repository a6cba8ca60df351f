"""English and Chinese stop-word lists for keyword search, read once from the package data
files (data/stopwords_en.txt, data/stopwords_zh.txt; the choices are explained in their headers)."""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["chinese_stopwords", "english_stopwords", "load_stopwords"]


def load_stopwords(filename: str) -> frozenset[str]:
    """Read a bundled list: one word per line, blank lines and lines starting with # ignored."""
    text = (
        resources.files("kefu.text").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    )
    words = (line.strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


@functools.cache
def english_stopwords() -> frozenset[str]:
    return load_stopwords("stopwords_en.txt")


@functools.cache
def chinese_stopwords() -> frozenset[str]:
    return load_stopwords("stopwords_zh.txt")
