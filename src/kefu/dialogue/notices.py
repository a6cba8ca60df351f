"""Fixed warnings that go before a reply: the customer sent what must never be sent in chat.

Redaction hides card numbers, security codes, PINs and one-time passwords from storage and
from the agents; the customer must also learn not to send them (testers at a shop and at a
bank card centre pasted them and were never told).
"""

from __future__ import annotations

from kefu.dialogue import messages

# What a customer must never send in chat: a card's expiry date alone is not worth a warning.
_CARD_DATA = ("CARD", "CVV")
# What no one, the business included, may ever ask for (a bank card centre's tester).
_SECRETS = ("PIN", "OTP", "PASSWORD")


def card_data_notice(message: str, language: str) -> str:
    """The fixed warning (and a blank line) that goes before the reply to a message with a full
    card number or a security code in it, and another for a PIN, one-time password or
    password, or "" for any other message. Redaction hides them
    from storage and the agents; the customer must also learn not to send them."""
    from kefu.guard.pii import detect_pii

    found = {span.kind for span in detect_pii(message, kinds=_CARD_DATA + _SECRETS)}
    notices = [
        messages.reply(key, language)
        for key, kinds in (("card_data", _CARD_DATA), ("secret_data", _SECRETS))
        if found.intersection(kinds)
    ]
    return "".join(f"{notice}\n\n" for notice in notices)
