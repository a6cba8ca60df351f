"""Text preprocessing for Chinese and English: normalisation, language detection,
tokenisation (jieba for Chinese), stop words, and traditional / Cantonese folded to
simplified Mandarin for matching, as keyword search needs them.

Importing this package is cheap: jieba is only imported by ``MixedTokenizer.warm_up()``
(or its first ``tokenize`` call)."""

from __future__ import annotations

from kefu.text.language import Language, detect_language
from kefu.text.normalize import fold_width, normalize
from kefu.text.stem import stem
from kefu.text.stopwords import chinese_stopwords, english_stopwords
from kefu.text.tokenize import MixedTokenizer, Tokenizer, WhitespaceTokenizer
from kefu.text.variants import to_mandarin

__all__ = [
    "Language",
    "MixedTokenizer",
    "Tokenizer",
    "WhitespaceTokenizer",
    "chinese_stopwords",
    "detect_language",
    "english_stopwords",
    "fold_width",
    "normalize",
    "stem",
    "to_mandarin",
]
