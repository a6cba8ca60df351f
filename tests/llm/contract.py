"""The behaviour every ChatModel backend must show, as a reusable pytest class.

Subclass `ChatModelContract` in a test module, name the subclass `Test...`, set
`expected_backend` and override the `model` fixture. tests/llm is not a package, so
conftest.py registers this file as the module `kefu_tests_llm_contract`; import it from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kefu.llm.base import ChatModel, complete
from kefu.types import ChatMessage

STORY = "Write a short story about a cat who lives in a library and loves books."


def messages(user: str = STORY) -> list[ChatMessage]:
    return [
        ChatMessage("system", "You are a helpful assistant."),
        ChatMessage("user", user),
    ]


class ChatModelContract:
    expected_backend = ""
    long_max_tokens = 60

    @pytest.fixture
    def model(self) -> ChatModel:
        raise NotImplementedError("override the `model` fixture")

    def test_is_a_chat_model(self, model: ChatModel) -> None:
        assert isinstance(model, ChatModel)

    def test_info_fields(self, model: ChatModel) -> None:
        info = model.info
        assert info.backend == self.expected_backend
        assert isinstance(info.name, str) and info.name
        assert isinstance(info.languages, tuple) and info.languages
        assert all(isinstance(lang, str) and lang for lang in info.languages)
        if info.path is not None:
            assert Path(info.path).is_file()
            assert info.size_bytes == Path(info.path).stat().st_size

    def test_warm_up_is_idempotent(self, model: ChatModel) -> None:
        model.warm_up()
        model.warm_up()
        assert complete(model, messages(), max_tokens=8).strip()

    def test_stream_yields_text_pieces(self, model: ChatModel) -> None:
        pieces = list(model.stream(messages(), max_tokens=self.long_max_tokens))
        assert pieces
        assert all(isinstance(p, str) for p in pieces)
        assert "".join(pieces).strip()

    def test_max_tokens_is_respected(self, model: ChatModel) -> None:
        full = complete(model, messages(), max_tokens=self.long_max_tokens, temperature=0.0)
        short = complete(model, messages(), max_tokens=4, temperature=0.0)
        assert short.strip()
        assert len(short) < len(full)
        stats: Any = getattr(model, "last_stats", None)
        if stats is not None:  # backends with a real tokenizer report exact counts
            assert 1 <= stats.completion_tokens <= 4
        assert model.count_tokens(short) <= 4 * 4

    def test_stop_sequence_is_honoured(self, model: ChatModel) -> None:
        full = complete(model, messages(), max_tokens=self.long_max_tokens, temperature=0.0)
        words = [w for w in full.split() if w.isalpha() and len(w) > 2]
        assert len(words) >= 3, f"reply too short to pick a stop word from: {full!r}"
        stop = words[len(words) // 2]
        cut = full.index(stop)
        stopped = complete(
            model, messages(), max_tokens=self.long_max_tokens, temperature=0.0, stop=[stop]
        )
        assert stop not in stopped
        assert stopped == full[:cut]

    def test_count_tokens(self, model: ChatModel) -> None:
        one = model.count_tokens("Hello, how can I help you today?")
        assert one > 0
        assert model.count_tokens("Hello, how can I help you today? " * 20) > one
        assert model.count_tokens("你好，请问有什么可以帮您？") > 0
