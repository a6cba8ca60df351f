"""Which part of a prompt llama.cpp may serve from its KV cache, and how that part is built.

llama.cpp reuses whatever prefix a new prompt shares with the previous one, and the rest,
evaluated from another split point, comes out with slightly different numbers: the same question
then got another sampled answer depending on the prompt before it (a black-box tester got two
answers in three fresh conversations). So kefu cuts every prompt at fixed points and evaluates
each piece on its own, always: the system prompt, the history (every message but the last), then
the last message. A piece's numbers then depend only on the pieces before it, so the pieces a new
prompt shares with the cached one can be reused (the system prompt across conversations; the
history too when it repeats) and the reply is still a function of the prompt alone.

Why not a cut after every message, which would also reuse a history that grew: each piece costs
a pass over the weights (decoding small batches is memory-bound), measured at +21 % on a cold
prompt with four history messages against +5 % for the one cut after the history, while kefu's
history window slides every turn, so a grown history rarely starts with the cached one.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

_MEMO_SIZE = 512  # message prefixes whose end is remembered (a few KB)


class SegmentEnds:
    """Where, in tokens, the first message and the last but one end in the model's
    chat-template rendering.

    The end of message *i* is found as the tokens that two renderings agree on when message *i*
    is followed by two different probe messages of the next message's role: whatever the
    template writes between messages belongs to the piece before it only as far as it does not
    depend on the next message's text."""

    def __init__(self) -> None:
        self._formatter: Any = None
        self._memo: OrderedDict[tuple[tuple[str, str], ...], int] = OrderedDict()
        self._broken = False

    def __call__(self, llama: Any, payload: Sequence[dict[str, str]]) -> tuple[int, ...]:
        if self._broken or len(payload) < 2:
            return ()
        ends: list[int] = []
        for i in sorted({0, len(payload) - 2}):  # after the first message, before the last
            key = (
                *((m["role"], m["content"]) for m in payload[: i + 1]),
                (payload[i + 1]["role"], ""),
            )
            end = self._memo.get(key)
            if end is None:
                try:
                    end = self._measure(llama, list(payload[: i + 1]), payload[i + 1]["role"])
                except Exception:  # a template this formatter cannot render: cut nowhere
                    self._broken = True
                    return ()
                self._memo[key] = end
                if len(self._memo) > _MEMO_SIZE:
                    self._memo.popitem(last=False)
            else:
                self._memo.move_to_end(key)
            if end > (ends[-1] if ends else 0):
                ends.append(end)
        return tuple(ends)

    def _measure(self, llama: Any, head: list[dict[str, str]], next_role: str) -> int:
        formatter = self._formatter or self._make_formatter(llama)
        if formatter is None:
            return 0
        rendered = []
        for probe in ("a", "b"):
            result = formatter(messages=[*head, {"role": next_role, "content": probe}])
            rendered.append(
                llama.tokenize(
                    result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True
                )
            )
        end = 0
        while end < min(map(len, rendered)) and rendered[0][end] == rendered[1][end]:
            end += 1
        return end

    def _make_formatter(self, llama: Any) -> Any:
        template = (getattr(llama, "metadata", None) or {}).get("tokenizer.chat_template")
        if not template:  # llama.cpp then reuses what it finds, as it always did
            self._broken = True
            return None
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        eos, bos = llama.token_eos(), llama.token_bos()
        self._formatter = Jinja2ChatFormatter(
            template=template,
            eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
            bos_token=llama._model.token_get_text(bos) if bos != -1 else "",
        )
        return self._formatter


def pin_segments(
    llama: Any, tokens: list[int], ends: Sequence[int], built: Sequence[int]
) -> tuple[int, ...]:
    """Leave in `llama`'s KV cache exactly `tokens` up to the last of `ends`, each piece between
    two ends evaluated on its own; `built` are the ends the cache was last built with. Returns
    the ends it now holds. The pieces the cache already holds, built the same way, are kept."""
    ends = [e for e in ends if 0 < e < len(tokens)]  # at least one token is left to evaluate
    if not ends:
        return ()
    cached = llama.input_ids[: llama.n_tokens].tolist()
    reuse = kept = 0
    for have, want in zip(built, ends, strict=False):
        if have != want or len(cached) < want or cached[reuse:want] != tokens[reuse:want]:
            break
        reuse, kept = want, kept + 1
    if reuse == 0:
        llama.reset()
    llama.n_tokens = reuse  # llama.eval drops whatever the cache holds after this
    for end in ends[kept:]:
        llama.eval(tokens[llama.n_tokens : end])
    llama.n_tokens = ends[-1]  # the previous prompt's rest is dropped (generate trims it)
    return tuple(ends)
