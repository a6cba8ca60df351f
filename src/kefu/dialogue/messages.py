"""Fixed replies, in the customer's language. Kept together so they can be reviewed (and one
day translated) in one place."""

from __future__ import annotations

_REPLIES: dict[str, dict[str, str]] = {
    "decline": {
        "en": "I'm not sure about that, and I don't want to guess. I've asked a colleague to "
        "take over; a person will reply here shortly.",
        "zh": "这个问题我不太确定，不想随便回答您。已为您转接人工客服，请稍候。",
    },
    "handoff_request": {
        "en": "Of course. I'm connecting you with a person now; please stay in this chat.",
        "zh": "好的，正在为您转接人工客服，请不要离开对话。",
    },
    "greeting": {
        "en": "Hello! How can I help you today?",
        "zh": "您好！请问有什么可以帮您？",
    },
    "thanks": {
        "en": "You're welcome! Is there anything else I can help with?",
        "zh": "不客气！还有其他可以帮您的吗？",
    },
    "emergency": {
        "en": "If this is an emergency, call your local emergency number (911 in the US, 112 in "
        "Europe) now. I'm also bringing in a person right away.",
        "zh": "如遇紧急情况，请立即拨打120急救电话（报警请拨110）。我也正在为您转接人工客服。",
    },
    "extractive_prefix": {
        "en": "From “{title}”: ",
        "zh": "根据《{title}》：",
    },
}


def reply(kind: str, language: str) -> str:
    table = _REPLIES[kind]
    return table["zh"] if language == "zh" else table["en"]
