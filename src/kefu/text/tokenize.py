"""Tokenisers that turn Chinese, English and mixed text into the terms BM25 indexes and queries.

MixedTokenizer is the default: normalise, fold traditional characters and written Cantonese to
simplified Mandarin (kefu.text.variants), split the text into runs of Han characters and runs of
everything else, segment the Han runs with jieba and split the rest into alphanumeric words,
then drop stop words and stem English. jieba is imported on first use (warm_up), never at import
time, because loading its dictionary takes about a second.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from kefu.errors import ConfigError, MissingDependency
from kefu.text.language import HAN_CHARS
from kefu.text.normalize import normalize
from kefu.text.stem import stem as stem_word
from kefu.text.stopwords import chinese_stopwords, english_stopwords
from kefu.text.variants import to_mandarin

if TYPE_CHECKING:
    import jieba

__all__ = ["MixedTokenizer", "Tokenizer", "WhitespaceTokenizer"]


@runtime_checkable
class Tokenizer(Protocol):
    """Anything that turns text into index terms. Index and query must use the same one."""

    def tokenize(self, text: str) -> list[str]: ...


class WhitespaceTokenizer:
    """Lower-cases and splits on whitespace; a predictable stand-in for tests."""

    def tokenize(self, text: str) -> list[str]:
        return text.lower().split()

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]:
        return [self.tokenize(t) for t in texts]


class _WordsOnly:
    """`MixedTokenizer.words`: its terms without the single Han characters."""

    def __init__(self, parent: MixedTokenizer) -> None:
        self._parent = parent

    def tokenize(self, text: str) -> list[str]:
        return self._parent._terms(text, han_chars=False)


# A capturing split yields [other, han, other, han, ..., other]: odd indices are Han runs.
_HAN_SPLIT = re.compile(f"([{HAN_CHARS}]+)")
# Letters and digits of any script except Han (already split off); underscore and punctuation
# separate words, so "order-123" gives "order" and "123", and "it's" gives "it" and "s".
_WORD = re.compile(r"[^\W_]+")
# "iphone15", "100ml": a letters part of two or more and a digits part, in either order.
_LETTERS_DIGITS = re.compile(r"([^\W\d_]{2,})(\d+)|(\d+)([^\W\d_]{2,})")

# jieba builds a DAG over its whole input; feeding it bounded pieces keeps memory flat for
# megabyte-sized runs of Han text without punctuation. A cut here can split one word in two,
# which for text this pathological is harmless.
_MAX_HAN_CHUNK = 2000

_CACHE_FILE = "kefu-jieba.cache"


def _import_jieba() -> Any:
    try:
        with warnings.catch_warnings():
            # jieba 0.42 imports pkg_resources, which warns about its own deprecation.
            warnings.simplefilter("ignore")
            import jieba
    except ImportError as exc:
        raise MissingDependency("jieba", purpose="Chinese word segmentation") from exc
    # jieba logs "Building prefix dict ..." at DEBUG to stderr on every initialisation.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


# jieba's default prefix dictionary (word -> frequency, and the total), loaded once per process.
# Each MixedTokenizer gets its own copy, because add_words writes into it; copying takes
# milliseconds where loading takes a second or two.
_base_dict: tuple[dict[str, int], int] | None = None
_base_dict_lock = threading.Lock()


def _new_jieba_tokenizer() -> jieba.Tokenizer:
    global _base_dict
    jb = _import_jieba()
    with _base_dict_lock:
        if _base_dict is None:
            loader = jb.Tokenizer()
            # The cache goes to the temp dir, which is writable; its own name keeps it apart
            # from the jieba.cache of the process-wide instance.
            loader.tmp_dir = tempfile.gettempdir()
            loader.cache_file = _CACHE_FILE
            loader.initialize()
            _base_dict = (loader.FREQ, loader.total)
    freq, total = _base_dict
    # A private instance keeps our product words out of the process-wide jieba that other
    # libraries may use. Setting FREQ/total/initialized is what initialize() itself does.
    tk = jb.Tokenizer()
    tk.tmp_dir = tempfile.gettempdir()
    tk.cache_file = _CACHE_FILE
    tk.FREQ = dict(freq)
    tk.total = total
    tk.initialized = True
    return tk


class MixedTokenizer:
    """Chinese + English tokeniser for keyword search (the default :class:`Tokenizer`).

    Han runs are cut with jieba's *search* mode (``cut_for_search``) rather than precise mode:
    besides each word it emits the dictionary words inside longer ones, so "收货地址" gives
    "收货", "地址" and "收货地址". BM25 only matches identical terms, and customers and FAQ
    authors often use a compound on one side and its parts on the other ("修改地址" vs
    "修改收货地址"); search mode lets those meet, while a query that uses the full compound
    still scores highest on documents with the same compound. The cost, a few extra terms per
    document, is small for FAQ-sized texts.

    Each Han character outside the stop-word list is a term as well ("开票" also gives "开" and
    "票"). Chinese customers and FAQ authors name one thing with different words ("开票" /
    "开发票", "包月" / "月卡"), which no word-level term matches and which e5's crowded
    cosines barely tell apart. On the new-business dev sets, with the calibration fitted on
    the packs, the characters let the confidence model answer 3-7 more Chinese questions in
    a hundred correctly at the same share of unanswerable questions declined, up to 85 %
    declined (docs/retrieval.md).

    Latin runs are split on anything that is not a letter or digit. A token such as "iphone15"
    or "100ml" is kept whole and its letters and digits parts are added as well, so that
    "iPhone 15" and "iPhone15" match for the same search-mode reason.

    Instances are safe to share between threads for tokenising; ``add_words`` and ``warm_up``
    take a lock.
    """

    def __init__(
        self,
        *,
        user_dict: Path | None = None,
        extra_words: Iterable[str] = (),
        remove_stopwords: bool = True,
        stem: bool = True,
        han_chars: bool = True,
    ) -> None:
        if user_dict is not None:
            user_dict = Path(user_dict)
            if not user_dict.is_file():
                raise ConfigError(f"jieba user dictionary not found: {user_dict}")
        self._user_dict = user_dict
        self._pending: list[str] = []
        self._remove_stopwords = remove_stopwords
        self._stem = stem
        self._han_chars = han_chars
        # What a saved index's cached terms were made by: terms from another version are
        # made again on load (kefu.retrieval.index), never mixed with new ones.
        # 4: traditional / Cantonese folded to simplified Mandarin (kefu.text.variants).
        # 5: colloquial question words folded too (咋 -> 怎么, kefu.text.colloquial).
        # 7: Cantonese choice words folded (揀 -> 选, 邊隻 -> 哪只).
        self.version = f"mixed-7-stop{int(remove_stopwords)}-stem{int(stem)}-han{int(han_chars)}"
        self._jieba: jieba.Tokenizer | None = None
        self._lock = threading.Lock()
        self.add_words(extra_words)

    def warm_up(self) -> None:
        """Load jieba and its dictionary (about a second, less with a warm cache file)."""
        if self._jieba is not None:
            return
        with self._lock:
            if self._jieba is not None:
                return
            tk = _new_jieba_tokenizer()
            if self._user_dict is not None:
                try:
                    tk.load_userdict(str(self._user_dict))
                except (OSError, ValueError) as exc:
                    raise ConfigError(
                        f"cannot read jieba user dictionary {self._user_dict}: {exc}"
                    ) from exc
            for word in self._pending:
                tk.add_word(word)
            self._pending.clear()
            self._jieba = tk

    def add_words(self, words: Iterable[str]) -> None:
        """Teach the segmenter words to keep whole, e.g. product names ("小米手环", "花呗").

        Words are normalised and folded to simplified Mandarin like the text they will be found
        in, so "小米手環" is kept whole in "小米手环" too. Only their Han part matters:
        Latin letters are split off before jieba sees the text.
        """
        cleaned = [w for w in (to_mandarin(normalize(word)) for word in words) if w]
        if not cleaned:
            return
        with self._lock:
            if self._jieba is None:
                self._pending.extend(cleaned)
                return
            for word in cleaned:
                self._jieba.add_word(word)

    @property
    def words(self) -> Tokenizer:
        """The same terms without the single Han characters: for checks that ask whether a
        sentence's words occur in a text (grounding), where shared characters prove little."""
        return _WordsOnly(self)

    def tokenize(self, text: str) -> list[str]:
        """Return the index terms of ``text`` (empty for empty, blank or punctuation-only text)."""
        return self._terms(text, han_chars=self._han_chars)

    def _terms(self, text: str, *, han_chars: bool) -> list[str]:
        if not isinstance(text, str):
            raise TypeError(f"tokenize() needs a str, not {type(text).__name__}")
        if self._jieba is None:
            self.warm_up()
        jb = self._jieba
        assert jb is not None
        # Traditional and Cantonese questions meet a simplified FAQ, and the other way round:
        # both sides' terms come from here.
        norm = to_mandarin(normalize(text))
        if not norm:
            return []
        zh_stop = chinese_stopwords() if self._remove_stopwords else frozenset()
        en_stop = english_stopwords() if self._remove_stopwords else frozenset()
        tokens: list[str] = []
        for i, part in enumerate(_HAN_SPLIT.split(norm)):
            if not part:
                continue
            if i % 2:
                tokens.extend(w for w in self._cut_han(jb, part) if w not in zh_stop)
                if han_chars:
                    tokens.extend(ch for ch in part if ch not in zh_stop)
            else:
                for word in _WORD.findall(part):
                    if word in en_stop:
                        continue
                    tokens.extend(self._latin_terms(word))
        return tokens

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]:
        """Tokenise many texts (bulk ingest); same result as calling tokenize on each."""
        if self._jieba is None:
            self.warm_up()
        return [self.tokenize(t) for t in texts]

    @staticmethod
    def _cut_han(jb: jieba.Tokenizer, run: str) -> Iterator[str]:
        for start in range(0, len(run), _MAX_HAN_CHUNK):
            yield from jb.cut_for_search(run[start : start + _MAX_HAN_CHUNK], HMM=True)

    def _latin_terms(self, word: str) -> list[str]:
        if word.isalpha():
            return [stem_word(word) if self._stem else word]
        terms = [word]
        m = _LETTERS_DIGITS.fullmatch(word)
        if m is not None:
            letters = m.group(1) or m.group(4)
            digits = m.group(2) or m.group(3)
            terms.append(stem_word(letters) if self._stem else letters)
            terms.append(digits)
        return terms
