"""Australian street addresses for `kefu.guard.pii_address` (a tester's Sydney messages were
stored with the street, suburb, state and postcode in the clear).

An Australian address is a house number, a street name and a street type, with a unit before
it and a suburb, a state and a postcode after it: "12 Smith St, Parramatta NSW 2150", "Unit
4/22 George Street Sydney 2000", "u3 15 king st newtown", "12-14 Kent Rd". Customers type
them in lower case too, so the street's capitals cannot be the cue they are in
`kefu.guard.pii_address`: a street in lower case needs another cue, a unit before it ("u3",
"unit 4", "4/22"), a state or a postcode after it, or an address word before it ("deliver
to", "I live at", "address"). "order 12 st items", "3 Day Express" and "track 2 Road bike"
have no name between the number and a street type, or no street type at all; "4 wheel drive"
has no cue.

After the street, a suburb is taken when a state or postcode follows it, or when it ends the
sentence ("... king st newtown"); never a common word ("12 Smith St please"). Every pattern
has bounded quantifiers only and each tail is matched from the street's end, so scanning
stays linear in the input length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Not "Cl" for Close: "4 Mg Cl" is a salt and "75 cl" a bottle far more often.
_TYPES = (
    "street|st|road|rd|avenue|ave|drive|dr|crescent|cres|place|pl|court|ct|highway|hwy"
    "|parade|pde|terrace|tce|lane|ln|boulevard|blvd|bvd|close|circuit|cct|grove"
    "|esplanade|esp|way|square|sq|parkway|pkwy"
)
_STATE = "(?:nsw|vic|qld|wa|sa|tas|act|nt)"
_WORD = "[A-Za-z][A-Za-z']{1,20}"
# The unit: "Unit 4/22", "u3 15", "apt 2, 15"; or the Australian "4/22" alone.
_UNIT = (
    "(?:(?:unit|u|apt|apartment|flat|suite|shop|lot)\\.? ?[0-9]{1,4}[a-z]?(?:/|,? )"
    "|[0-9]{1,4}[a-z]?/)"
)
_STREET = re.compile(
    "(?=[0-9uafsl])(?<![A-Za-z0-9_/])(?P<unit>" + _UNIT + ")?"
    "[0-9]{1,5}[a-z]?(?:-[0-9]{1,5}[a-z]?)? (?P<name>(?:" + _WORD + " ){1,3})"
    # (an abbreviation's dot is the tail's: at a sentence's end it is the full stop)
    "(?:" + _TYPES + ")\\b",
    re.IGNORECASE,
)
# From the street's end: a state and postcode, or a suburb before them.
_STATE_POSTCODE = re.compile(
    "\\.?[ ,]{1,2}(?:" + _STATE + "(?:[ ,]{1,2}[0-9]{4})?|[0-9]{4})(?!\\w)", re.IGNORECASE
)
_SUBURB = re.compile("\\.?[ ,]{1,2}(?P<suburb>" + _WORD + "(?: " + _WORD + "){0,2})", re.IGNORECASE)
_SENTENCE_END = re.compile("[ \t]*(?:[,.;!?\n]|$)")
_ADDRESS_WORD_BEFORE = re.compile(
    "(?i:address|(?:live[sd]?|living|stay(?:ing)?|located|based) (?:at|on|in)"
    "|(?:deliver(?:y|ed)?|ship(?:ped)?|send|sent|post(?:ed)?|mail(?:ed)?|move[sd]?|moving"
    "|forward(?:ed)?|return(?:ed)?) (?:[a-z]+ ){0,2}to|pick ?up (?:from|at)|drop (?:off )?at)"
    "[ \t:：]{0,3}[^.?!\n]{0,12}$"
)
_CUE_REACH = 48  # characters before the street: "please deliver the parcel to " and a unit
# Words that follow a street without being its suburb.
_NOT_SUBURB = frozenset(
    (  # noqa: SIM905 (a list of 80 quoted words reads worse)
        "a an and or but the to for from in on at by of with near off is was are be been "
        "please pls thanks thank thx today tomorrow tonight yesterday now asap instead "
        "since until till before after between next this that these those it its my our "
        "your their his her we you they i he she if so then also too as not no yes ok "
        "about regarding re ticket order invoice apartment apt unit flat suite building house "
        "home office"
    ).split()
)


def _suburb_end(text: str, at: int) -> int | None:
    """Where a suburb after the street at ``at`` ends, with its state and postcode; None when
    the words there are not a suburb."""
    m = _SUBURB.match(text, at)
    if m is None:
        return None
    words = m.group("suburb").split(" ")
    # A suburb of 1-3 words, as many as are followed by a state or postcode, else by the end
    # of the sentence; common words are the sentence going on, not a place.
    for count in range(len(words), 0, -1):
        taken = words[:count]
        if any(w.lower() in _NOT_SUBURB for w in taken):
            continue
        end = m.start("suburb") + len(" ".join(taken))
        tail = _STATE_POSTCODE.match(text, end)
        if tail is not None:
            return tail.end()
        if count == len(words) and _SENTENCE_END.match(text, end):
            return end
    return None


def au_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Australian street address, from its unit to its postcode."""
    for m in _STREET.finditer(text):
        after_state = _STATE_POSTCODE.match(text, m.end())
        suburb_end = _suburb_end(text, m.end()) if after_state is None else None
        capitals = all(w[0].isupper() for w in m.group("name").split())
        if not capitals and m.group("unit") is None and after_state is None:
            # A lower-case street needs a unit, a state or postcode, or an address word.
            near_state = suburb_end is not None and _STATE_POSTCODE.search(
                text, m.end(), suburb_end
            )
            window = text[max(0, m.start() - _CUE_REACH) : m.start()]
            if not near_state and _ADDRESS_WORD_BEFORE.search(window) is None:
                continue
        if after_state is not None:
            yield m.start(), after_state.end()
        else:
            yield m.start(), suburb_end if suburb_end is not None else m.end()
