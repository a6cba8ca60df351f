"""Follow-up questions: "and how long does that take?", "那运费呢？".

A follow-up leans on the previous question for its topic, so retrieval runs on the previous
user message joined with this one. Detection is deliberately conservative (short messages with
a follow-up marker); the assistant also retrieves the message alone and keeps whichever reading
the confidence model trusts more.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kefu.dialogue import slots
from kefu.dialogue.incoming import reply_language
from kefu.types import ChatMessage

if TYPE_CHECKING:
    from kefu.retrieval.index import SearchResult
    from kefu.text.tokenize import Tokenizer

_EN_START = re.compile(
    r"^\s*(and|also|but|so|then|what about|how about|and what about|what if|ok and|okay and)\b",
    re.IGNORECASE,
)
_EN_REF = re.compile(r"\b(it|that|this|they|them|those|these|there|one)\b", re.IGNORECASE)
_ZH_MARK = re.compile(r"^(那|那么|还有|另外|然后|那如果)|呢[?？]?\s*$|(这个|那个|它|这样|那样)")
# A question made of question words only ("how much?", "多久？") names no topic: it can only
# mean the previous one.
_EN_BARE = re.compile(
    r"^\s*(how much|how long|how many|how many days|how soon|when|where|why|which one|"
    r"what time|what's the cost|what's the price|the cost|the price|cost|price|fee|fees|"
    r"how much is it|how much does it cost|how long does it take|is it free)\s*[?？.!]*\s*$",
    re.IGNORECASE,
)
_ZH_BARE = re.compile(
    r"^(请问)?(要|需要|大概|一般)?(多少钱|多少|多久|几天|几时|什么时候|哪天|在哪|哪里|怎么收费|收费吗|"
    r"贵吗|免费吗|要钱吗|要不要钱|收不收钱|运费多少|费用多少|怎么做|怎么弄|怎么办|可以吗|行吗|"
    r"可不可以)[?？呢啊吗呀。！!]*$"
)
# "我部 Pixel 3 得唔得" (folded: "我手机 Pixel 3 可以吗") after the eSIM steps: a short message
# asking whether the previous answer holds for something it names.
_ZH_STILL = re.compile(r"(可以吗|可不可以|行吗|行不行)[?？呢啊呀。！!]*$")


def is_followup(text: str) -> bool:
    """Checked on the message as written and, for Chinese, folded to simplified Mandarin, so
    written Cantonese follows up as Mandarin does ("要幾耐" -> "要多久", "使唔使錢" -> "要不要钱",
    "點做" -> "怎么做", "咁 Lite 呢？" -> "那 Lite 呢？")."""
    stripped = text.strip()
    if not stripped:
        return False
    if slots.is_context(stripped):  # "I'm in Hong Kong" after a question asks it of there
        return True
    han = sum(1 for ch in stripped if "\u4e00" <= ch <= "\u9fff")
    if han:
        from kefu.text.variants import to_mandarin

        return han <= 12 and any(
            _ZH_MARK.search(t) or is_bare(t) or _ZH_STILL.search(t)
            for t in {stripped, to_mandarin(stripped)}
        )
    words = stripped.split()
    if len(words) > 9:
        return False
    return bool(_EN_START.search(stripped) or _EN_REF.search(stripped) or is_bare(stripped))


_ZH_BARE_HEAD = re.compile(_ZH_BARE.pattern.rstrip("$"))
_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_bare(text: str) -> bool:
    """A question of question words only ("how much?", "多久？"), or one that adds no more than
    a verb of two characters to them ("要多久处理"): it names no topic of its own, so read alone
    it finds whichever entry happens to share its question words."""
    stripped = text.strip()
    if _EN_BARE.match(stripped) or _ZH_BARE.match(stripped):
        return True
    head = _ZH_BARE_HEAD.match(stripped)
    if not head or head.end() == 0:
        return False
    rest = stripped[head.end() :]
    return len(_HAN.findall(rest)) <= 2 and not re.search(r"[A-Za-z0-9]", rest)


def topic_question(users: list[str]) -> str | None:
    """The question the last of ``users`` (the customer's messages, oldest first) followed up,
    for a follow-up of a follow-up: in 退款多久到账 → 支付宝呢 → 那银行卡呢 the third asks
    the first's question of bank cards; joined with 支付宝呢 it would find Alipay again. The
    nearest earlier message that is no follow-up itself, in the last one's language, with the
    values that the follow-ups since swapped in (`slots.thread_question`: 深圳专车起步价多少 →
    那上海呢 → 最低消费呢 asks of 上海); none when the last message is no follow-up (it is its
    own topic)."""
    if len(users) < 2 or not is_followup(users[-1]):
        return None
    language = reply_language(users[-1])
    for n in range(len(users) - 2, -1, -1):
        if reply_language(users[n]) != language:
            return None  # the thread changed language there: no older topic carries over
        if not is_followup(users[n]):
            return slots.thread_question(users[n], users[n + 1 : -1])
    return None


def contextual_query(previous_user_message: str | None, text: str) -> str | None:
    """The query to retrieve with when ``text`` follows up on the previous message."""
    if previous_user_message and is_followup(text):
        return f"{previous_user_message.strip()} {text.strip()}"
    return None


def top_id(result: SearchResult) -> str | None:
    return result.passages[0].entry.id if result.passages else None


# Replies a follow-up's joined reading may not find again merely by the history.
RECENT_REPLIES = 3


def repeats_last_answer(
    joined: SearchResult,
    alone: SearchResult,
    history: list[ChatMessage],
    message: str = "",
    tokenizer: Tokenizer | None = None,
) -> bool:
    """The joined reading's top entry is one a recent reply gave, the message read alone
    points elsewhere, and the message names nothing new that the entry covers. Not only the
    last reply: in "my account got hacked" → "how do I turn on that 2fa thing" → "and what if
    i lose my phone", the reading joined with the first question finds the hacked-account
    answer of two replies before, by that history alone."""
    if not joined.passages:
        return False
    top = joined.passages[0].entry
    if alone.passages and alone.passages[0].entry.id == top.id:
        return False
    recent = [m.content for m in history if m.role == "assistant"][-RECENT_REPLIES:]
    answer = (top.answer or "").strip()
    if not answer or not any(answer in reply for reply in recent):
        return False
    previous = next((m.content for m in reversed(history) if m.role == "user"), "")
    return tokenizer is None or not asks_about_another_row(
        tokenizer, message, previous, f"{top.text} {answer}"
    )


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")  # "US", "UK", "EU", "HK": stop words once folded


def _terms(tokenizer: Tokenizer, text: str) -> set[str]:
    words = getattr(tokenizer, "words", tokenizer)  # content words, not character n-grams
    return set(words.tokenize(text)) | {a.lower() for a in _ACRONYM.findall(text)}


def asks_about_another_row(tokenizer: Tokenizer, message: str, previous: str, entry: str) -> bool:
    """The follow-up asks the same thing of something else that the same entry also covers:
    "and to the US?" after the UK's delivery time, where one entry lists every country. The
    words it adds to the previous question all occur in the entry. "can I pause it?" after a
    membership's price adds "pause", which the price entry never says: a new question."""
    added = _terms(tokenizer, message) - _terms(tokenizer, previous)
    return bool(added) and added <= _terms(tokenizer, entry)
