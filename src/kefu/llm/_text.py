"""Small text helpers shared by the backends that do not own a tokenizer.

`estimate_tokens` is the budget estimate for remote and fake models; `StopFilter` enforces
stop sequences on a stream of pieces for backends that cannot rely on the server to do it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_HAN_RE = re.compile(f"[{_HAN}]")
# A Han character, a word with its trailing spaces, or a run of spaces; joined back they give
# the original text exactly, which the fake model relies on.
_PIECE_RE = re.compile(f"[{_HAN}]|[^\\s{_HAN}]+\\s*|\\s+")


def estimate_tokens(text: str) -> int:
    """Rough token count: one per Han character, one per four other characters."""
    if not text:
        return 0
    han = len(_HAN_RE.findall(text))
    return max(1, han + math.ceil((len(text) - han) / 4))


def split_pieces(text: str) -> list[str]:
    """Split text into word-sized pieces (single characters for Chinese)."""
    return _PIECE_RE.findall(text)


class StopFilter:
    """Cut a stream of pieces at the first stop sequence, which is never emitted.

    Text that might be the start of a stop sequence is held back until the next piece shows
    whether it is, so a stop split across two pieces is still caught.
    """

    def __init__(self, stops: Sequence[str]) -> None:
        self._stops = tuple(s for s in stops if s)
        self._buffer = ""
        self.stopped = False

    def feed(self, piece: str) -> str:
        """Return the part of the text so far that is safe to emit."""
        if self.stopped:
            return ""
        if not self._stops:
            return piece
        self._buffer += piece
        found = [i for i in (self._buffer.find(s) for s in self._stops) if i >= 0]
        if found:
            out = self._buffer[: min(found)]
            self._buffer = ""
            self.stopped = True
            return out
        hold = 0
        for stop in self._stops:
            for size in range(min(len(stop) - 1, len(self._buffer)), hold, -1):
                if self._buffer.endswith(stop[:size]):
                    hold = size
                    break
        cut = len(self._buffer) - hold
        out, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return out

    def flush(self) -> str:
        """The held-back tail once the stream has ended without a stop."""
        out, self._buffer = ("" if self.stopped else self._buffer), ""
        return out

    def apply(self, pieces: Iterable[str]) -> Iterator[str]:
        """Filter a whole stream; stops consuming `pieces` at the first stop sequence."""
        try:
            for piece in pieces:
                out = self.feed(piece)
                if out:
                    yield out
                if self.stopped:
                    return
            tail = self.flush()
            if tail:
                yield tail
        finally:
            # Close the source at once (an HTTP response, a llama.cpp generation) rather than
            # whenever it is garbage-collected.
            close = getattr(pieces, "close", None)
            if close is not None:
                close()
