"""Fixed warnings that go before a reply: the customer sent what must never be sent in chat.

Redaction hides card numbers, security codes, PINs and one-time passwords from storage and
from the agents; the customer must also learn not to send them (testers at a shop and at a
bank card centre pasted them and were never told).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kefu.dialogue import messages

if TYPE_CHECKING:
    from kefu.dialogue.policy import Plan

# What a customer must never send in chat: a card's expiry date alone is not worth a warning.
_CARD_DATA = ("CARD", "CVV")
# What no one, the business included, may ever ask for (a bank card centre's tester).
_SECRETS = ("PIN", "OTP", "PASSWORD")


def card_data_notice(message: str, language: str, *, hidden: bool = True) -> str:
    """The fixed warning (and a blank line) that goes before the reply to a message with a full
    card number or a security code in it, and another for a PIN, one-time password or
    password, or "" for any other message. Redaction hides them
    from storage and the agents; the customer must also learn not to send them. With
    ``hidden`` false (storage redaction switched off) the warning says the message is stored
    as sent instead of "we have hidden it", which would be untrue."""
    from kefu.guard.pii import detect_pii

    found = {span.kind for span in detect_pii(message, kinds=_CARD_DATA + _SECRETS)}
    suffix = "" if hidden else "_kept"
    notices = [
        messages.reply(key + suffix, language)
        for key, kinds in (("card_data", _CARD_DATA), ("secret_data", _SECRETS))
        if found.intersection(kinds)
    ]
    return "".join(f"{notice}\n\n" for notice in notices)


def other_language_notice(plan: Plan) -> str:
    """A line (and a blank line) before an answer quoted from an entry written in the other
    language than the customer's ("这方面我们只有英文资料…"), or "". The bundled model cannot
    write Chinese, and a translation could not be checked against the source: the business's
    own words are given as written, and the customer is told why they read another language."""
    if plan.mode not in ("curated", "extractive") or not plan.passages:
        return ""
    written = plan.passages[0].entry.language
    if plan.language not in ("en", "zh") or written not in ("en", "zh"):
        return ""
    if written == plan.language:
        return ""
    return messages.reply(f"answer_in_{written}", plan.language) + "\n\n"
