"""Several sources in one index: a general question is answered from the one the chat is about.

The demo packs (a shop, a bank, a clinic) share one index, as do a shop and its pharmacy, or two
brands. "What time do you open?" in a clinic chat found the bank's branch hours: the bank's entry
says "opening hours" in those words, the clinic's walk-in hours do not. Such a question names
nothing of its own; the chat it is asked in does. Where

- the earlier answers of the chat came from one source (its last curated answer's entry, the
  language part of the file name left out: ``healthcare.en.csv`` and ``healthcare.zh.csv`` are
  one source), and the best entry now comes from another, and
- the message names nothing that only the other source speaks of (every word it shares with
  that source's texts is in the chat's source too, or asks what any business may be asked:
  hours, contact, address), so that "how do I freeze my credit card?" after the clinic still
  finds the bank's card entry,

the message is searched again among the chat's source's entries only, and that search, with its
own confidence, stands: the policy answers from it or declines (a person answers then), and the
other business's hours are never given as the clinic's.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kefu.dialogue.last_entry import recent_entries
from kefu.types import ChatMessage, Entry

if TYPE_CHECKING:
    from kefu.knowledge.base import KnowledgeBase
    from kefu.retrieval.index import SearchResult

# "healthcare.en.csv", "faq_zh.csv", "brand-a.zh-CN.md": the language part is no part of the
# source (each language's file of one pack or business is the same source).
_LANGUAGE_PART = re.compile(r"[._-](?:en|zh|zh-cn|zh-tw|zh-hk|zh_cn|zh_tw|zh_hk)(?=\.[^.]+$)", re.I)
# What a customer asks any business: its hours, how to reach it, where it is. Such words in a
# message say nothing about which business it means (read with the index's own tokenizer, so
# that its stemming and word cutting apply: "opening" -> "open", "营业时间" -> 营业, 时间).
_GENERIC = (
    "open opening opens opened close closing closes closed hours hour time times today tomorrow "
    "weekend weekends holiday holidays contact contacting reach call phone number email address "
    "location located where website app help support customer service services team staff "
    "营业 营业时间 开门 关门 几点 时间 上班 下班 周末 节假日 今天 明天 联系 联络 电话 号码 "
    "客服 热线 人工 地址 在哪 哪里 位置 邮箱 网站 官网 多少"
)
_HAN_ONE = re.compile(r"^[\u4e00-\u9fff]$")
# Vocabularies per source, kept for each index's entry list (built once, on first use).
_VOCAB: weakref.WeakKeyDictionary[object, tuple[int, dict[str, frozenset[str]]]] = (
    weakref.WeakKeyDictionary()
)


def source_of(entry: Entry) -> str:
    """The entry's source without its language part ("healthcare.en.csv" -> "healthcare.csv")."""
    name = entry.source.replace("\\", "/").rsplit("/", 1)[-1]
    return _LANGUAGE_PART.sub("", name)


def chat_source(history: Sequence[ChatMessage], entries: Sequence[Entry]) -> str | None:
    """The source of the chat's last curated answer, if one is found in the last few replies."""
    recent = recent_entries(history, entries)
    return source_of(recent[0]) if recent else None


def _vocabularies(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    index = kb.index
    entries = index.entries
    cached = _VOCAB.get(index)
    if cached is not None and cached[0] == len(entries):
        return cached[1]
    words: dict[str, set[str]] = {}
    for entry in entries:
        text = f"{entry.title} {entry.text} {entry.answer or ''}"
        words.setdefault(source_of(entry), set()).update(kb.tokenizer.tokenize(text))
    frozen = {source: frozenset(ws) for source, ws in words.items()}
    _VOCAB[index] = (len(entries), frozen)
    return frozen


def names_other_source(message: str, own: str, other: str, kb: KnowledgeBase) -> bool:
    """Whether ``message`` uses a word (not a generic one) that ``other`` has and ``own`` lacks."""
    vocab = _vocabularies(kb)
    own_words, other_words = vocab.get(own, frozenset()), vocab.get(other, frozenset())
    generic = set(kb.tokenizer.tokenize(_GENERIC))
    for token in kb.tokenizer.tokenize(message):
        if token in generic or _HAN_ONE.match(token):
            continue  # a single Han character is the tokenizer's fallback term, no word
        if token in other_words and token not in own_words:
            return True
    return False


def pick(
    message: str, history: Sequence[ChatMessage], result: SearchResult, kb: KnowledgeBase
) -> SearchResult | None:
    """The search among the chat's source's entries, where a general question found another
    source's entry first (above); None where the result stands."""
    if not history or not result.passages:
        return None
    entries = kb.index.entries
    top = source_of(result.passages[0].entry)
    own = chat_source(history, entries)
    if own is None or own == top:
        return None
    if names_other_source(message, own, top, kb):
        return None
    return kb.search(message, only=lambda entry: source_of(entry) == own)
