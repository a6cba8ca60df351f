"""A small, careful set of Malay emergency phrases, for businesses with Malaysian customers.

kefu answers in English and Chinese, but a gym chain's tester in Kuala Lumpur and Penang
(2026-12-01) got "I'm not sure about that" for "tolong! kawan saya tak sedarkan diri di sauna"
(my friend is unconscious in the sauna) and "saya rasa nak pengsan, dada sakit sangat" (about to
faint, bad chest pain). A Malaysian customer in danger writes Malay. The reply itself comes in
English (Latin script), with the emergency number first, as for every emergency.

Only phrases that name an emergency on their own are here: unconscious, fainting, not
breathing, chest pain, a heart attack, a stroke, a seizure, heavy bleeding, drowning, a fire, a
road accident, a poisoning, suicide. "tolong" (please, help) alone opens ordinary requests
("tolong, macam mana nak batalkan keahlian") and is not read; nor are words with an everyday
sense beside the emergency one: "sakit" (any ache), "tak sedar" (didn't notice), "kejang" (a
cramp after leg day), "terbakar" (sunburnt), "penat nak mati" (dead tired).
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_NOT = r"(tak|tidak|x|tdk|tak dapat|tidak dapat|tak boleh|tidak boleh)"

MALAY = re.compile(
    # consciousness: "tak sedarkan diri", "pengsan", "tak sedar", "tak bangun-bangun"
    r"\b" + _NOT + r" sedarkan diri\b|\bpengsan\b|\bhilang kesedaran\b|"
    # breathing: "tak bernafas", "tak boleh bernafas", "sesak nafas", "susah nak bernafas"
    r"\b" + _NOT + r" (ber)?nafas\b|\bsesak nafas\b|\b(susah|sukar) (nak |untuk )?(ber)?nafas\b|"
    r"\b(tercekik|lemas di|lemas dalam|hampir lemas)\b|"
    # heart: "sakit dada", "dada sakit sangat", "serangan jantung"
    r"\bsakit dada\b|\bdada\b" + _ + r"{0,8}\b(sakit|sesak)\b|\bserangan jantung\b|"
    r"\bjantung (berhenti|terhenti)\b|"
    # stroke, seizure, bleeding, poisoning
    r"\bangin ahmar\b|\bstrok\b|\bmuka (senget|herot)\b|\bsawan\b|"
    r"\b(berdarah|darah)\b" + _ + r"{0,12}\b(banyak|teruk|tak berhenti|tidak berhenti|"
    r"mencurah)\b|\bkeracunan\b|\bterlebih (makan )?ubat\b|\bteguk racun\b|\bminum racun\b|"
    # fire, accident, suicide
    r"\bkebakaran\b|\bapi marak\b|(?<!claim )(?<!tuntutan )\bkemalangan\b(?! (insurans|"
    r"polisi))|\bbunuh diri\b|\btak nak hidup\b|\btidak mahu hidup\b",
    re.IGNORECASE,
)
# The fire service first where a fire is named (`kefu.dialogue.abroad.need`).
MALAY_FIRE = re.compile(r"\bkebakaran\b|\bapi marak\b", re.IGNORECASE)


def malay_emergency(text: str) -> bool:
    """Is ``text`` (one normalised view) a Malay message naming an emergency?"""
    return bool(MALAY.search(text))
