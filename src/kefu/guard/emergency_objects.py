"""Emergency words said of a thing, or of a plan that ends no life: read past, not as a crisis.

Testers (2026-12-01) got the emergency reply for "my phone fell in the sink and won't wake up"
and "I could end it all by selling the house lol". Two families, each a narrow span that
`kefu.guard.emergency_context.not_now` blanks so the rest of the message is still read:

- `_DEVICE_DOWN`: a device (a phone, a laptop, a watch, a TV...) that "won't wake up", "isn't
  responding", "is unresponsive" or "died". No person may be named between the device and the
  state: "my phone died and my husband won't wake up" keeps "won't wake up".
- `_VENTURE_DOWN`: a deal, a market, a price or a company that "collapsed" (the body rule reads
  any "collapsed"); a roof, a shelf or a tent that did stays read, as it may fall on someone.
- `_ENDS_A_THING`: "end it all" (or "end everything") done by an act that ends no life:
  selling the house, quitting the job, cancelling everything, moving abroad. "end it all by
  jumping", "end it all tonight" and "I could end it all lol" stay crises (a wish to die is read
  literally whatever laugh follows it, docs/safety.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DEVICE = (
    r"(phone|iphone|smartphone|mobile|cellphone|handset|laptop|macbook|computer|pc|desktop|"
    r"tablet|ipad|kindle|e-?reader|watch|smartwatch|fitbit|tv|television|telly|monitor|screen|"
    r"console|ps[345]|playstation|xbox|switch|router|modem|speaker|alexa|echo|headphones|earbuds|"
    r"airpods|camera|printer|device|charger|power ?bank|hard drive|laptop battery|robot vacuum|"
    r"roomba|app|game|server|mouse|keyboard|website|site|web ?page|portal|system|network|wi-?fi)"
)
# Between the device and its state: no person, so the state is the device's.
_NO_PERSON = (
    r"(?:(?!\b(?:he|she|they|him|her|them|husband|wife|partner|son|daughter|baby|child|kid|mum|"
    r"mom|dad|father|mother|grand\w*|nan|friend|brother|sister|boyfriend|girlfriend|someone|"
    r"somebody|man|woman|person|patient)\b)[^.?!\n])"
)
_DEVICE_DOWN = re.compile(
    r"\b(my|the|his|her|our|their|this|a|an|kid'?s|son'?s|daughter'?s)\s+(\w+\s+)?"
    + _DEVICE
    + r"s?\b"
    + _NO_PERSON
    + r"{0,60}?\b(won'?t|wont|will not|doesn'?t|does not|isn'?t|is not|"
    r"not|can'?t|cannot|never)\s+(wake|waking|wake up|respond|responding|turn(ing)? on|switch(ing)?"
    r" on|boot|booting|start|starting)\b( up)?|"
    r"\b(my|the|our|this)\s+(\w+\s+)?" + _DEVICE + r"s?\b('s| is| was| has| just)*\s+"
    r"(unresponsive|dead|died|passed out|not responding|frozen)\b",
    re.IGNORECASE,
)
# A venture, a price, a deal or a website that collapsed or went down: no person did ("the deal
# collapsed and the seller stopped answering", "the website went down and isn't responding").
# Buildings, roofs, shelves and tents are left alone: one that collapses may fall on someone.
_VENTURE_DOWN = re.compile(
    r"\b(my|the|our|this|his|her|their)\s+(\w+\s+)?(deal|market|stock market|stocks?|shares|"
    r"prices?|company|business|startup|talks|negotiations|plan|plans|sale|economy|currency|crypto|"
    r"coin|fund|bank|website|site|server|app|system|network|internet|wi-?fi|service|page|payment|"
    r"transfer|order|call|line|connection)\s+(has |had |just |completely |totally )*"
    r"(collapsed|crashed|went down)\b",
    re.IGNORECASE,
)
_ORDINARY_ACT = (
    r"(selling|sell|quitting|quit|cancell?ing|cancel|closing|close|deleting|delete|moving|move|"
    r"paying|pay|switching|switch|resigning|retiring|refinancing|unsubscribing|downsizing|"
    r"emigrating|buying|buy|renting|declaring bankruptcy|going bankrupt|getting a divorce|"
    r"dropping out|breaking up|changing|selling up)"
)
_ENDS_A_THING = re.compile(
    r"\bend (it all|everything|it)\b (now |today |right now )?(by|via|through|just by) "
    r"(just )?" + _ORDINARY_ACT + r"\b",
    re.IGNORECASE,
)


def not_a_person(text: str, blank: Callable[[re.Match[str]], str]) -> str:
    """``text`` with a device's "won't wake up" and an "end it all" that ends a thing blanked."""
    text = _VENTURE_DOWN.sub(blank, _DEVICE_DOWN.sub(blank, text))
    return _ENDS_A_THING.sub(blank, text)
