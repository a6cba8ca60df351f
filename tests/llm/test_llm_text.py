"""Stop-sequence filtering, piece splitting and the token estimate."""

from __future__ import annotations

import pytest

from kefu.llm._text import StopFilter, estimate_tokens, split_pieces


@pytest.mark.parametrize(
    "text",
    ["Hello there,  world! ", "  leading space", "你好，世界。Hello 世界", "", "a\nb\n\nc"],
)
def test_split_pieces_round_trip(text: str) -> None:
    assert "".join(split_pieces(text)) == text


def test_split_pieces_gives_chinese_characters_one_by_one() -> None:
    assert split_pieces("退款") == ["退", "款"]
    assert split_pieces("refund policy") == ["refund ", "policy"]


def test_stop_filter_cuts_at_stop_split_across_pieces() -> None:
    pieces = ["Hello ", "wor", "ld END", "ING more"]
    assert "".join(StopFilter(["ENDING"]).apply(pieces)) == "Hello world "


def test_stop_filter_releases_held_text_that_was_not_a_stop() -> None:
    assert "".join(StopFilter(["ENDX"]).apply(["a END", "b"])) == "a ENDb"
    assert "".join(StopFilter(["ENDX"]).apply(["tail EN"])) == "tail EN"


def test_stop_filter_picks_the_earliest_of_several_stops() -> None:
    assert "".join(StopFilter(["zz", "b"]).apply(["a b zz"])) == "a "


def test_stop_filter_without_stops_passes_everything() -> None:
    assert list(StopFilter([]).apply(["a", "b"])) == ["a", "b"]
    assert list(StopFilter([""]).apply(["a"])) == ["a"]


def test_stop_filter_closes_its_source_when_it_stops() -> None:
    closed = []

    def source():  # type: ignore[no-untyped-def]
        try:
            yield "one STOP"
            yield "never"
        finally:
            closed.append(True)

    assert list(StopFilter(["STOP"]).apply(source())) == ["one "]
    assert closed == [True]


def test_estimate_tokens() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("a") == 1
    assert estimate_tokens("abcdefgh") == 2
    assert estimate_tokens("退款政策") == 4
    assert estimate_tokens("退款 policy") == 2 + 2
