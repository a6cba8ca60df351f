"""The number for a Chinese writer with no number configured: written Cantonese in traditional
script is Hong Kong's (999 for all), not mainland China's 119/120/110; other traditional writers
keep the text that names each place's number; kefu's own crisis lines name Hong Kong's."""

from __future__ import annotations

import pytest

from kefu.dialogue import messages
from kefu.dialogue.abroad import hong_kong_writer, localise


@pytest.mark.parametrize(
    "message",
    [
        "屋企火燭呀",
        "有賊入咗屋，佢仲喺入面",
        "水浸到成間屋，仲有電掣浸咗水",
        "我阿媽喺廁所跌低咗起唔到身",
    ],
)
def test_a_hong_kong_writer_gets_999(message: str) -> None:
    assert hong_kong_writer(message)
    text, _ = localise(messages.reply("emergency", "zh"), message, "zh", configured=None)
    first = text.split("。")[0]
    assert "999" in first
    assert not any(n in first for n in ("110", "119", "120"))


@pytest.mark.parametrize("message", ["電線正在燒", "有小偷進了屋，他還在裡面"])
def test_other_traditional_writers_get_each_places_number(message: str) -> None:
    assert not hong_kong_writer(message)
    text, _ = localise(messages.reply("emergency", "zh"), message, "zh", configured=None)
    shown = messages.in_script(text, True)
    assert "999" in shown and "119" in shown


def test_a_mainland_writer_keeps_mainland_numbers() -> None:
    text, _ = localise(messages.reply("emergency", "zh"), "电线正在烧", "zh", configured=None)
    assert text.startswith("如遇紧急情况，请立即拨打119（消防）")
    text, _ = localise(
        messages.reply("emergency", "zh"), "有小偷进了屋，他还在里面", "zh", configured=None
    )
    assert text.startswith("如遇紧急情况，请立即拨打110（警察）")


def test_crisis_lines_for_a_traditional_writer_name_hong_kongs() -> None:
    shown = messages.in_script(messages.reply("crisis_lines", "zh"), True)
    assert "2389 2222" in shown and "18111" in shown
    assert "12356" in shown  # the mainland line is still there for a mainland reader
