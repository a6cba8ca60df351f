"""The customer chat's words in traditional characters (chat-text.js "zh-Hant") are the
simplified ones converted, and the page picks them for Hong Kong, Macau and Taiwan."""

from __future__ import annotations

from importlib import resources

from kefu.text.script import script_of, to_traditional

STATIC = resources.files("kefu.service").joinpath("static")


def _block(lines: list[str], opening: str) -> list[str]:
    start = lines.index(opening)
    end = start + lines[start:].index("  },")
    return lines[start + 1 : end]


def test_the_traditional_table_is_the_simplified_one_converted() -> None:
    lines = STATIC.joinpath("chat-text.js").read_text("utf-8").split("\n")
    simplified = _block(lines, "  zh: {")
    traditional = _block(lines, '  "zh-Hant": {')
    assert traditional == [to_traditional(line) for line in simplified]
    assert script_of("".join(traditional)) == "traditional"


def test_the_page_and_the_widget_choose_traditional_for_hong_kong() -> None:
    chat = STATIC.joinpath("chat.js").read_text("utf-8")
    assert 'TEXT["zh-Hant"]' in chat and "zh-(hk|mo|tw|hant)" in chat
    widget = STATIC.joinpath("widget.js").read_text("utf-8")
    assert 'lang = "zh-Hant"' in widget
