"""Eating-disorder helplines for where the customer is, after kefu's fixed reply to a message
that tells of starving or purging (`kefu.guard.eating_disorder`, docs/safety.md).

The place is read as for the crisis lines (`kefu.dialogue.crisis_lines.places_for`): where the
message says the customer is, a place it names, else the configured emergency numbers. Only
national helplines kefu can name with confidence are listed; elsewhere the crisis lines for the
place follow, which also answer someone who is struggling with food.

Sources: the services' own published numbers (the Butterfly Foundation's National Helpline
1800 33 4673 in Australia; Beat's helpline 0808 801 0677 in the UK).
"""

from __future__ import annotations

from collections.abc import Sequence

from kefu.dialogue.crisis_lines import crisis_lines, places_for

_HELPLINES: dict[str, tuple[str, str]] = {
    "au": (
        "in Australia: the Butterfly Foundation's helpline on 1800 33 4673",
        "澳大利亚：Butterfly Foundation 饮食失调求助热线1800 33 4673",
    ),
    "uk": (
        "in the UK: Beat's eating disorder helpline on 0808 801 0677",
        "英国：Beat 饮食失调求助热线0808 801 0677",
    ),
}


def eating_lines(
    message: str, language: str, *, configured: str | None, others: Sequence[str] = ()
) -> str:
    """An eating-disorder helpline for where the customer is, else the crisis lines there."""
    numbers = [n for n in (configured, *others) if n]
    keys, _elsewhere = places_for(message, language, numbers)
    known = [k for k in keys if k in _HELPLINES]
    if not known:
        return crisis_lines(message, language, configured=configured, others=others)
    if language == "zh":
        said = "；".join(_HELPLINES[k][1] for k in known)
        return f"您不必独自面对：可以拨打饮食失调求助热线（{said}）。"
    said = "; ".join(_HELPLINES[k][0] for k in known)
    return (
        f"You don't have to face this alone: you can talk to an eating disorder helpline ({said})."
    )
