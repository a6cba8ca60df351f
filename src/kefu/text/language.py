"""Cheap language detection between Chinese and English, for choosing prompts, replies and
tokenisation hints. It only tells Han script from Latin script; it is not a general detector."""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["HAN_CHARS", "Language", "detect_language"]

Language = Literal["zh", "en", "mixed", "unknown"]

# CJK Unified Ideographs with extension A, the compatibility ideographs and the supplementary
# planes' extensions B-H. Shared with the tokenizer so both agree on what counts as Chinese.
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RUN = re.compile(f"[{HAN_CHARS}]+")

# Latin letters: ASCII, Latin-1 and Latin Extended-A/B (without × and ÷), and full-width ASCII
# letters, because detection runs on raw, un-normalised text. An apostrophe inside a word keeps
# "don't" one word.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff21-\uff3a\uff41-\uff5a"
_LATIN_WORD = re.compile(f"[{_LATIN}]+(?:['’][{_LATIN}]+)*")

# Thresholds. Han characters and Latin words are put on one scale by counting an average Chinese
# word as 1.5 characters, so `latin_share` = latin_words / (latin_words + han_chars / 1.5) is
# roughly the share of words that are Latin.
#   latin_share < 0.35 -> "zh"     "我的iPhone坏了": 1 / (1 + 4/1.5) = 0.27
#   latin_share > 0.75 -> "en"     "How do I reset my password? 谢谢": 6 / (6 + 2/1.5) = 0.82
#   otherwise          -> "mixed"  "我的iPhone订单 not arrived yet 怎么办": 4 / (4 + 7/1.5) = 0.46
# The band is asymmetric on purpose: Latin words inside Chinese text are usually brand or product
# names and codes (iPhone, WiFi, App, ABC123) that do not make the sentence English, whereas Han
# characters inside English text are rarer and are real content.
_HAN_CHARS_PER_WORD = 1.5
_ZH_BELOW = 0.35
_EN_ABOVE = 0.75


def detect_language(text: str) -> Language:
    """Classify ``text`` as "zh", "en", "mixed", or "unknown" when it has neither Han characters
    nor Latin letters (empty, digits, emoji, other scripts)."""
    if not isinstance(text, str):
        raise TypeError(f"detect_language() needs a str, not {type(text).__name__}")
    han_chars = sum(map(len, _HAN_RUN.findall(text)))
    latin_words = len(_LATIN_WORD.findall(text))
    if han_chars == 0:
        return "en" if latin_words else "unknown"
    if latin_words == 0:
        return "zh"
    latin_share = latin_words / (latin_words + han_chars / _HAN_CHARS_PER_WORD)
    if latin_share < _ZH_BELOW:
        return "zh"
    if latin_share > _EN_ABOVE:
        return "en"
    return "mixed"
