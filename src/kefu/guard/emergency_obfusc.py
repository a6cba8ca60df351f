"""A de-obfuscated reading of a message, for the emergency rules only.

A red-team tester hid crisis words from the rules in ways the shared views
(`kefu.guard.views`) do not undo: emoji in place of the verb ("going to 🔫 myself
tonight", "我想🪢"), letters dotted, spaced or dashed through the whole phrase ("i w.a.n.t t.o
d.i.e", "i w a n t  t o  d i e", "i-want-to-die"), typos and a capital I for an l ("i wanna kil
myslef", "kiII"), a lone leet word ("I w4nt to end 1t"), pinyin with tone marks ("wǒ xiǎng
sǐ") or mixed with characters ("我想zi杀"). `crisis_views` returns extra readings with those
undone; the emergency rules read them beside the usual views.

Each change is narrow so that ordinary messages read the same: an emoji counts as a word only
in a self-directed frame ("to 🔫 myself", "想🪢"; not "this song is 🔥" nor "I'm 💀💀 lol"), a
typo is corrected only towards a closed list of crisis words, and single letters are joined
only where a run of them stands alone. The extra views exist only for the emergency rules: the
other detectors (injection, fraud…) never read them.
"""

from __future__ import annotations

import re
import unicodedata

from kefu.text.normalize import normalize
from kefu.text.variants import to_mandarin

__all__ = ["crisis_views"]

# -- emoji in place of a crisis word -------------------------------------------------------
_VS = "\ufe0f\u200d"  # emoji variation selector and joiner, kept out of the classes below
_MEANS = "🔫🪢🔪🗡⚰🪦☠💀🩸"
_PILL = "💊"
_PLACE = "🌉🏢🚆🚂🚄🚇🌊"
_E = rf"[{_MEANS}{_PILL}][{_VS}]?"
_INTENT_EN = (
    r"(?:want(?:s)? to|wanna|wana|going to|goin(?:g)? to|gonna|gona|ready to|about to|"
    r"plan(?:ning)? to|(?:i|i'?m|gonna) (?:will|'ll)|i'?ll|will|decided to|time to|need to)"
)
_SELF_EN = r"(?:myself|my ?self|me|my (?:wrists?|life|veins|throat))\b"
# "to 🔫 myself", "want to ☠️ tonight", "gonna 💊💊💊 all of them"
_EMOJI_EN = re.compile(
    rf"\b{_INTENT_EN}\s*(?:{_E}\s*)+(?=\s*(?:{_SELF_EN}|tonight|today|now|goodbye|bye|all|"
    rf"every|the whole|the (?:bottle|lot|pack)|for real|$|[.!,]))|(?:{_E}\s*)+(?={_SELF_EN})"
)
# "jump off 🌉", "in front of a 🚆"
_PLACE_EN = re.compile(
    rf"\b(?:jump(?:ing)?|leap)\s+(?:off|from|in front of|into)?\s*(?:an? |the )?[{_PLACE}]"
)
# "我想🪢", "想💊全部吃掉", "准备🔪自己"
# (a pill after 想 only with all of them or more than one: "想💊提醒功能怎么开" is a reminder app)
_ZH_WANT = r"(?:想|要|准备|準備|打算|決定|决定|去|会|會)"
_EMOJI_ZH = re.compile(
    rf"{_ZH_WANT}\s*(?:[{_MEANS}][{_VS}]?\s*)+|(?:{_E}\s*)+(?=自己|了结|了結)|"
    rf"{_ZH_WANT}\s*(?:{_PILL}[{_VS}]?\s*){{2,}}|{_ZH_WANT}\s*{_PILL}[{_VS}]?\s*(?=全部|所有|一整|"
    rf"整瓶|一瓶|吃掉|吃光|晒|曬|吞|了结|了結|自杀|自殺|死)|(?:跳|卧|臥)\s*[{_PLACE}]"
)
# 💀 and ☠️ also mean laughing ("I'm 💀💀 lol", "dead 😂"): not read as a death beside a laugh.
_LAUGH = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|rofl|jk)\b|😂|🤣|😆|😹|哈哈|笑死|笑")
_ONLY_SKULLS = re.compile(rf"^[\s💀☠{_VS}]+$")


def _emoji_as_words(text: str) -> str:
    if not any(ch in text for ch in _MEANS + _PILL + _PLACE):
        return text

    def en(m: re.Match[str]) -> str:
        emoji = re.sub(r"[^\s]*?(?=[" + _MEANS + _PILL + "])", "", m.group(0), count=1)
        if laughing and _ONLY_SKULLS.match(emoji):
            return m.group(0)
        # "going to 💊 myself" and "ready to 🪢 myself" both read "… kill myself"
        return m.group(0).replace(emoji, " kill myself ")

    def zh(m: re.Match[str]) -> str:
        if laughing and _ONLY_SKULLS.match(re.sub(r"[^💀☠\s" + _VS + "]", "", m.group(0))):
            return m.group(0)
        return m.group(0)[0] + "自杀"

    laughing = bool(_LAUGH.search(text))
    text = _PLACE_EN.sub(" kill myself ", text)
    text = _EMOJI_EN.sub(en, text)
    return _EMOJI_ZH.sub(zh, text)


# -- letters spaced, dotted or dashed through a phrase ---------------------------------------
# Runs of single letters, a separator between them: "w.a.n.t", "t.o", "d-i-e", "k i l l".
_LETTER_RUN = re.compile(r"(?<![\w])[a-z](?:[.\-_*·](?:[a-z]))+(?![\w])")
_DASHED = re.compile(r"(?<=[a-z])[-_.·*/](?=[a-z])")
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[\s.\-_*·]+(?=[\u4e00-\u9fff])")
# Single letters spaced one by one, words two spaces apart ("i w a n t  t o  d i e"): the raw
# message still has the double spaces that `normalize` collapses.
_SPACED_WORDS = re.compile(r"\s{2,}")
# With single spaces only ("i w a n t t o d i e"), the words cannot be told apart: the letters
# are joined and the crisis phrases sought in the joined run.
_SINGLE_RUN = re.compile(r"(?<!\S)(?:[a-z] ){5,}[a-z](?!\S)")
_SQUEEZED = re.compile(
    r"(want|wanna|going|gonna|ready|planning|plan|about)(to)?(die|killmyself|endmylife|endit"
    r"all|hangmyself|cutmyself|suicide)|killmyself|endmylife|suicid|selfharm|hangmyself|"
    r"dontwanttolive|donotwanttolive|betteroffdead|takemyownlife"
)


def _join_letters(raw: str, text: str) -> str:
    text = _LETTER_RUN.sub(lambda m: re.sub(r"[.\-_*·]", "", m.group(0)), text)
    text = _DASHED.sub(" ", text)
    text = _HAN_GAP.sub("", text)
    chunks = _SPACED_WORDS.split(raw.strip())
    if len(chunks) > 1 and all(re.fullmatch(r"(?:\w )*\w", c) for c in chunks):
        text = normalize(" ".join(c.replace(" ", "") for c in chunks))
    for run in _SINGLE_RUN.findall(text):
        squeezed = run.replace(" ", "")
        hit = _SQUEEZED.search(squeezed)
        if hit:
            text = text.replace(
                run, "i want to kill myself" if "suicid" not in squeezed else "suicide"
            )
    return text


# -- typos, a capital I for an l, leet in a single word --------------------------------------
_CRISIS_WORDS = ("myself", "suicide", "suicidal", "tonight", "overdose", "wrists", "yourself")
_SHORT = {
    "kil": "kill",
    "kll": "kill",
    "kiil": "kill",
    "kiii": "kill",
    "kilk": "kill",
    "gona": "gonna",
    "gonan": "gonna",
    "wana": "wanna",
    "wnat": "want",
    "wnt": "want",
    "lfie": "life",
    "lief": "life",
    "ilfe": "life",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "tonihgt": "tonight",
    "mysef": "myself",
    "myslf": "myself",
    "myselfe": "myself",
    "dei": "die",
    "ded": "dead",
    "suicde": "suicide",
    "sucide": "suicide",
    "siucide": "suicide",
}
_WORD = re.compile(r"[a-z0-9]+")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_MIXED = re.compile(r"(?=[a-z]*[0-9])(?=[0-9]*[a-z])[a-z0-9]{2,}")
_CAPITAL_I = re.compile(r"(?<=[a-z])I+")


def _near(word: str, target: str) -> bool:
    """One edit (a letter added, dropped, changed, or two swapped) apart."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    i = 0
    while i < min(len(word), len(target)) and word[i] == target[i]:
        i += 1
    a, b = word[i:], target[i:]
    return a[1:] == b[1:] or a == b[1:] or a[1:] == b or (a[:2] == b[1::-1] and a[2:] == b[2:])


def _fix_word(m: re.Match[str]) -> str:
    word = m.group(0)
    if _MIXED.fullmatch(word):
        word = word.translate(_LEET)
    if word in _SHORT:
        return _SHORT[word]
    if len(word) >= 5:
        for target in _CRISIS_WORDS:
            if _near(word, target):
                return target
    return word


# -- pinyin mixed with characters, pinyin words for suicide -----------------------------------
_PINYIN = (
    (re.compile(r"zi ?杀|自 ?sha\b|zi ?sha(?= ?[\u4e00-\u9fff])"), "自杀"),
    (re.compile(r"(?<=[想要])(?:s|si)(?=$|[了吧啊呀。！!，,.…~ ]|算了)"), "死"),
    (
        re.compile(
            r"\b(?:xiang|yao|hui|you|dong|qi|le) ?(?:le )?qing ?sheng\b|"
            r"\bqing ?sheng ?(?:de )?nian ?tou"
        ),
        "想轻生",
    ),
    (re.compile(r"\bzi ?can\b"), "自残"),
    # "zhen de xiang si le" (真的想死了): "xiang si" with an ending, not "xiang si xia" (私下)
    (re.compile(r"\b(?:yao|xiang) ?si(?= ?(?:le|a|ba|suan ?le)\b| ?[,.!?~…]|$)"), "想死"),
)


def _pinyin_as_han(text: str) -> str:
    for pattern, han in _PINYIN:
        text = pattern.sub(han, text)
    return text


def _strip_marks(text: str) -> str:
    # "wǒ xiǎng sǐ" -> "wo xiang si"; Han characters have no combining marks to lose.
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def crisis_views(raw: str) -> list[str]:
    """Readings of ``raw`` with emoji, letter spacing, typos and tone marks undone (only the
    ones that differ from the plain normalised text)."""
    if not raw:
        return []
    fixed_i = _CAPITAL_I.sub(lambda m: "l" * len(m.group(0)), raw)
    base = normalize(fixed_i)
    text = _strip_marks(base) if not base.isascii() else base
    text = _emoji_as_words(_pinyin_as_han(text))
    text = _join_letters(raw, text)
    text = _WORD.sub(_fix_word, text)
    text = re.sub(r"\bmy self\b", "myself", text)
    # the rules know "want to die"; "i wanna die" slipped past them
    text = re.sub(r"\bwanna\b", "want to", re.sub(r"\bgonna\b", "going to", text))
    # "imma end it", "i w4nt 2 d1e": the rules read "i am going to", "want to"
    text = re.sub(r"\bimma\b", "i am going to", text)
    text = re.sub(r"\b(want|going|need|have|ready|about|trying|try) 2\b", r"\1 to", text)
    # the rules are written in simplified Mandarin ("想 自 殺" joined reads 想自杀)
    text = to_mandarin(text)
    plain = normalize(raw)
    return [text] if text not in (plain, to_mandarin(plain)) else []
