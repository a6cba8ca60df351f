"""Numbers and emails written so that the recognisers of `kefu.guard.pii` do not see them (a
red-teamer's 12 forms, all stored as typed): `fold` rewrites them the plain way, remembering
where each folded character came from, and `kefu.guard.pii` runs its recognisers again on
the folded text, keeping what covers a rewritten character.

What is folded:

- runs of 7 or more Chinese digits, everyday or financial (一三八一二三四五六七八,
  壹叁捌壹贰叁肆伍陆柒捌, 〇 and 幺 too): each is its digit. 十, 百 and 两 are not digits, so
  "三十五岁", "第一次" and "一百二十块" stay prose, and short runs ("一二三") are left alone;
- runs of 3 or more English digit words ("four one one one ...", "four five six", "oh"
  between others): the digits run together; "double" and "triple" repeat the next digit, as
  British and Australian callers read out numbers ("oh seven seven double four one two three
  triple five" is 07744123555). A run that starts with "oh" is digits only when it is as long
  as a phone number (8 digits or more): "oh one two three" is an exclamation and counting;
- digits and "double"/"triple" mixed, two tokens or more with a repeat word ("07 double 4 123
  567", "PIN is double four triple one", "4 double 7 one"): the digits, when 3 or more;
  "double four packs" and "2 double rooms" stay;
- a spelled-out run of 9-11 digits that starts with zero (or "oh") is a phone number in its
  national format (``PHONE``, `spoken_phones`): nothing else is read out that way, and a
  mobile read out alone ("zero four one two double three four five six seven") has no phone
  word near it; not after an order word ("order 07 double 3 918 264");
- single digits spaced or dashed out, 3 or more ("PIN 4 7 1 9", "cvv is 3-2-1"): run together;
- three to five 4-digit groups joined by dots ("4111.1111.1111.1111"): spaces for the dots;
- a resident ID with spaces between its parts ("110105 19491231 002X"): run together;
- full-width letters and digits with ＠ or ．: their ASCII form, so "jane.doe＠gmail．com" is an
  email (full-width digits alone are read as they are, and "，" or "：" are left alone);
- an email read out without brackets ("jane dot doe at gmail dot com"): "@" and ".", where
  the part before "at" has a dot word, a dot, digits or an underscore, or an email word comes
  just before it ("email is jane at gmail dot com"); "look at google dot com" stays.

Every pattern has bounded quantifiers only, and a text with nothing to fold costs one scan.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kefu.guard._regex import after_order_word
from kefu.guard.checksums import ssn_valid

_ZH_DIGITS = {
    **dict.fromkeys("零〇○洞", "0"), **dict.fromkeys("一壹幺", "1"), **dict.fromkeys("二贰貳", "2"),
    **dict.fromkeys("三叁參", "3"), **dict.fromkeys("四肆", "4"), **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"), **dict.fromkeys("七柒", "7"), **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}  # fmt: skip
_EN_DIGITS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_EN_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# "double four" is 44: the repeat word cannot be a digit word, so the two never compete.
_EN_TOKEN = "(?:(?:double|triple)[ \\-]{1,2})?" + _EN_WORD
_REPEATS = {"double": 2, "triple": 3}
_EN_RUN_PART = (
    "(?<![A-Za-z])(?P<en>(?i:" + _EN_TOKEN + "(?:[ ,\\-]{1,2}" + _EN_TOKEN + "){2,30}))(?![A-Za-z])"
)
_EN_RUN = re.compile(_EN_RUN_PART)
# Digits and "double"/"triple" mixed, as a number is read off a card or a screen: "07 double 4
# 123 567" (0744123567), "PIN is double four triple one" (44111), "4 double 7 one". At least one
# repeat word and two tokens: "double four packs" and "2 double rooms" stay words.
_MIXED_REPEAT = "(?:double|triple)[ \\-]{1,2}(?:[0-9](?![0-9])|" + _EN_WORD + "(?![A-Za-z]))"
_MIXED_TOKEN = "(?:[0-9]{1,4}(?![0-9])|" + _MIXED_REPEAT + "|" + _EN_WORD + "(?![A-Za-z]))"
_MIXED_RUN_PART = (
    "(?<![A-Za-z0-9.])(?P<mixed>(?i:(?:" + _MIXED_TOKEN + "[ ,\\-]{1,2}){0,30}" + _MIXED_REPEAT
    + "(?:[ ,\\-]{1,2}" + _MIXED_TOKEN + "){0,30}))(?![A-Za-z0-9]|[.,][0-9])"
)  # fmt: skip
_MIXED_RUN = re.compile(_MIXED_RUN_PART)
_REPEAT_WORD = re.compile("(?i)double|triple")
_ZH_CLASS = "[" + "".join(_ZH_DIGITS) + "]"

_FOLD_PARTS = (
    "(?P<zh>" + _ZH_CLASS + "{7,40})"
    "|" + _EN_RUN_PART +
    "|(?<![0-9A-Za-z.,\\-])(?P<spaced>[0-9](?: [0-9]){2,30}|[0-9](?:-[0-9]){2,30})"
    "(?![0-9]|[.,\\-][0-9])"
    "|(?<![0-9A-Za-z.])(?P<dotted>[0-9]{4}(?:\\.[0-9]{4}){2,3}(?:\\.[0-9]{1,4})?)(?![0-9]|\\.[0-9])"
    "|(?<![0-9A-Za-z])(?P<cn_id>[0-9]{6} [0-9]{8} [0-9]{3}[0-9Xx])(?![0-9A-Za-z])"
    # full-width letters, digits and email punctuation; not "，" or "（": Chinese prose has them
    "|(?P<wide>[Ａ-Ｚａ-ｚ０-９＿－．＠]{1,64})",
    # tried only where " at " occurs: at every position of a long word it would read 40 letters
    "|(?<![A-Za-z0-9_.])(?P<said>(?i:[a-z0-9][a-z0-9._\\-]{0,40}(?: dot [a-z0-9_\\-]{1,40}){0,3}"
    " at [a-z0-9\\-]{1,40}(?: dot [a-z0-9\\-]{1,40}){1,3}))(?![A-Za-z0-9])",
)  # fmt: skip
# The mixed runs are tried first, and only where a repeat word occurs (most texts have none).
_FOLDS = {
    (said, mixed): re.compile(
        ("(?:" + _MIXED_RUN_PART + ")|" if mixed else "") + "".join(_FOLD_PARTS[: 1 + said])
    )
    for said in (0, 1)
    for mixed in (False, True)
}
_AT = re.compile("(?i) at ")
_EN_SPLIT = re.compile("[ ,\\-]+")
_EMAIL_WORD = re.compile("(?i:e-?mail|mail|email address|邮箱|郵箱|电邮|電郵)[^\n]{0,12}$")


@dataclass(frozen=True)
class Folded:
    """The folded text, and for each rewritten piece its span in both texts."""

    text: str
    # (folded start, folded end, original start, original end), sorted, not overlapping
    pieces: list[tuple[int, int, int, int]]
    starts: list[int]  # the pieces' folded starts, for bisection

    def original(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of folded ``[start, end)``, or None if it rewrites nothing."""
        starts = self.starts
        i = bisect.bisect_right(starts, start) - 1
        touched = (i >= 0 and self.pieces[i][1] > start) or (
            i + 1 < len(self.pieces) and self.pieces[i + 1][0] < end
        )
        if not touched:
            return None
        return self._map(start, starts, at_end=False), self._map(end, starts, at_end=True)

    def _map(self, pos: int, starts: list[int], *, at_end: bool) -> int:
        # the last piece starting before pos (for an end, before or at pos - 1)
        i = bisect.bisect_right(starts, pos - 1 if at_end else pos) - 1
        if i < 0:
            return pos
        f_start, f_end, o_start, o_end = self.pieces[i]
        after = pos > f_end if at_end else pos >= f_end
        if after:
            return o_end + (pos - f_end)  # in the unchanged text after the piece
        if f_end - f_start == o_end - o_start:
            return o_start + (pos - f_start)  # rewritten one for one: exact
        return o_end if at_end else o_start  # otherwise the whole piece


def _rewrite(m: re.Match[str], text: str) -> str | None:
    group = m.lastgroup
    value = m.group()
    if group == "zh":
        return "".join(_ZH_DIGITS[ch] for ch in value)
    if group in ("en", "mixed"):
        digits = spoken_digits(value)
        # a single repeat of one digit ("double 4 and ...") is no number
        return digits if digits is not None and len(digits) >= 3 else None
    if group in ("spaced", "cn_id"):
        return value.replace(" ", "").replace("-", "")
    if group == "dotted":
        return value.replace(".", " ")
    if group == "wide":
        # the recognisers read full-width digits already: only an email needs the rewrite
        if "＠" not in value and "．" not in value:
            return None
        return "".join(chr(ord(ch) - 0xFEE0) for ch in value)
    # an email read out: believable when it looks like an address or an email word is near
    local = value[: value.lower().index(" at ")]
    looks = any(ch.isdigit() or ch in "._" for ch in local) or " dot " in local.lower()
    if not looks and _EMAIL_WORD.search(text, max(0, m.start() - 24), m.start()) is None:
        return None
    out = re.sub("(?i) dot ", ".", value)
    return re.sub("(?i) at ", "@", out, count=1)


def spoken_digits(value: str) -> str | None:
    """The digits of a run of English digit words ("double four" is 44), or None where a
    leading "oh" makes it an exclamation rather than a number."""
    digits: list[str] = []
    repeat = 1
    for word in _EN_SPLIT.split(value.lower()):
        if word in _REPEATS:
            repeat = _REPEATS[word]
        elif word:
            digits.append((word if word.isdigit() else _EN_DIGITS[word]) * repeat)
            repeat = 1
    out = "".join(digits)
    # "oh" is a digit among others, and first only in a number as long as a phone's
    if value[:2].lower() == "oh" and len(out) < 8:
        return None
    return out


def spoken_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number read out in digit words, national format."""
    runs = [*_EN_RUN.finditer(text)]
    if _REPEAT_WORD.search(text):
        runs += _MIXED_RUN.finditer(text)
    for m in runs:
        digits = spoken_digits(m.group())
        if after_order_word(text, m.start()):  # "order 07 double 3 918 264"
            continue
        if digits is not None and digits[0] == "0" and 9 <= len(digits) <= 11:
            yield m.start(), m.end()


def fold(text: str) -> Folded | None:
    """``text`` with its disguised numbers and emails written plainly, or None if none."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = 0
    length = 0
    pattern = _FOLDS[int(_AT.search(text) is not None), _REPEAT_WORD.search(text) is not None]
    for m in pattern.finditer(text):
        new = _rewrite(m, text)
        if new is None or new == m.group():
            continue
        parts.append(text[pos : m.start()])
        length += m.start() - pos
        pieces.append((length, length + len(new), m.start(), m.end()))
        parts.append(new)
        length += len(new)
        pos = m.end()
    if not pieces:
        return None
    parts.append(text[pos:])
    return Folded("".join(parts), pieces, [p[0] for p in pieces])


Candidate = tuple[str, int, int]


def folded_candidates(
    text: str, recognise: Callable[[str], Iterator[Candidate]]
) -> Iterator[Candidate]:
    """What ``recognise`` finds in the folded ``text`` that a rewrite made visible, mapped back
    to ``text``: a span covering a piece covers all of it."""
    folded = fold(text)
    if folded is None:
        return
    for kind, start, end in recognise(folded.text):
        span = folded.original(start, end)
        if span is not None:
            yield kind, span[0], span[1]


# An SSN spaced or dotted ("078 05 1120") is nine digits like any other: only after its name.
_SSN_NAMED = re.compile(
    "(?=[SsMm])(?<![A-Za-z])(?i:ssn|social security(?: number| no\\.?| #)?)(?![A-Za-z])"
    "[ \t]{0,3}(?:(?:[:：=#]|is|was)[ \t]{0,3})?"
    "(?P<value>[0-9]{3}(?P<sep>[ .])[0-9]{2}(?P=sep)[0-9]{4})(?![0-9A-Za-z])"
)


def spaced_ssns(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each spaced or dotted US social security number after its name."""
    for m in _SSN_NAMED.finditer(text):
        if ssn_valid(m.group("value").replace(m.group("sep"), "-")):
            yield m.start("value"), m.end("value")
