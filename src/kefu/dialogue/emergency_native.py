"""The emergency reply's first sentence in Korean or Japanese, for a message written in them.

kefu answers in English or Chinese; a Korean or Japanese writer in danger ("죽고 싶어",
"死にたい", "엄마가 쓰러졌어요") got "If this is an emergency, call…" and the crisis lines in
English (2026-12-01). The one sentence that must be understood at once comes first in their
language: the number to call in Korea or Japan now, and beside suicide or self-harm the crisis
line; the reply as before follows it. Each sentence names its country, so a Korean writer in
London is not misled ("in Korea, call 119"); the business's knowledge is not translated.

Numbers: South Korea 119 (ambulance and fire), 112 (police), 109 (the Ministry of Health and
Welfare's suicide prevention line, 24 hours); Japan 119 (ambulance and fire), 110 (police), the
Yorisoi Hotline よりそいホットライン 0120-279-338 (24 hours), as in `kefu.dialogue.crisis_lines`.
Reviewed wording: plain polite forms (해요체 with 하십시오 for the instruction; です/ます).
"""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")

# (writer's language, what is needed) -> the first sentence
_FIRST: dict[tuple[str, str], str] = {
    ("ko", "ambulance"): "한국에 계시면 지금 바로 119(구급·소방)에 전화하십시오. 경찰은 112입니다.",
    ("ko", "fire"): "한국에 계시면 지금 바로 119(소방·구급)에 전화하십시오. 경찰은 112입니다.",
    ("ko", "police"): "한국에 계시면 지금 바로 112(경찰)에 전화하십시오. 구급·소방은 119입니다.",
    ("ko", "self_harm"): (
        "위험하다면 한국에서는 지금 바로 119에 전화하십시오. 자살예방상담전화 109(24시간)에서도 "
        "언제든 이야기를 들어 드립니다."
    ),
    ("ja", "ambulance"): (
        "日本にいる場合は、今すぐ119（救急・消防）"
        "に電話してください。警察は110です。"
    ),
    ("ja", "fire"): (
        "日本にいる場合は、今すぐ119（消防・救急）"
        "に電話してください。警察は110です。"
    ),
    ("ja", "police"): (
        "日本にいる場合は、今すぐ110（警察）"
        "に電話してください。救急・消防は119です。"
    ),
    ("ja", "self_harm"): (
        "危険が迫っている場合、日本では今すぐ119に電話してください。よりそいホットライン"
        "（0120-279-338、24時間）でも相談できます。"
    ),
}  # fmt: skip


def writer_language(message: str) -> str | None:
    """ "ko" for a message in Hangul, "ja" for one in kana, else None."""
    if _HANGUL.search(message):
        return "ko"
    if _KANA.search(message):
        return "ja"
    return None


def native_first(message: str, need: str, *, self_harm: bool) -> str | None:
    """The first sentence of the emergency reply in the writer's Korean or Japanese (``need``:
    "ambulance", "fire" or "police"; ``self_harm``: suicide or self-harm, the crisis line
    named), or None for a message in neither."""
    language = writer_language(message)
    if language is None:
        return None
    return _FIRST.get((language, "self_harm" if self_harm else need))
