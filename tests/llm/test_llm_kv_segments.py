"""pin_segments on a recording stand-in for llama.cpp: which pieces are reused, which evaluated.

The real model's side (the reply does not depend on the prompt before it; the history is served
from the cache) is in test_llm_llamacpp.py."""

from __future__ import annotations

import numpy as np

from kefu.llm.kv_segments import pin_segments


class RecordingLlama:
    """Keeps `input_ids`/`n_tokens` the way llama-cpp-python's `Llama` does and records every
    `eval` call (the token pieces evaluated together) and `reset`."""

    def __init__(self) -> None:
        self.input_ids = np.zeros(64, dtype=np.intc)
        self.n_tokens = 0
        self.evals: list[list[int]] = []
        self.resets = 0

    def reset(self) -> None:
        self.n_tokens = 0
        self.resets += 1

    def eval(self, tokens: list[int]) -> None:
        self.evals.append(list(tokens))
        self.input_ids[self.n_tokens : self.n_tokens + len(tokens)] = tokens
        self.n_tokens += len(tokens)

    def generate_rest(self, tokens: list[int]) -> None:
        """What `generate` does after the pin: evaluate the rest of the prompt."""
        self.eval(tokens[self.n_tokens :])


SYSTEM, HIST_A, HIST_B = [1, 2, 3, 4], [10, 11, 12], [20, 21]


def test_a_cold_prompt_is_evaluated_piece_by_piece() -> None:
    llama = RecordingLlama()
    tokens = SYSTEM + HIST_A + [7, 8, 9]
    built = pin_segments(llama, tokens, (4, 7), ())
    assert built == (4, 7) and llama.n_tokens == 7
    assert llama.evals == [SYSTEM, HIST_A]


def test_shared_pieces_are_kept_and_only_new_ones_evaluated() -> None:
    llama = RecordingLlama()
    first = SYSTEM + HIST_A + [7, 8, 9]
    built = pin_segments(llama, first, (4, 7), ())
    llama.generate_rest(first)
    llama.evals.clear()
    # Same system prompt and history, another question: nothing before the question again.
    second = SYSTEM + HIST_A + [5, 6]
    built = pin_segments(llama, second, (4, 7), built)
    assert llama.evals == [] and llama.n_tokens == 7 and llama.resets == 1
    # The history grew by a message: only that message is new.
    third = SYSTEM + HIST_A + HIST_B + [5]
    built = pin_segments(llama, third, (4, 7, 9), built)
    assert llama.evals == [HIST_B] and built == (4, 7, 9)


def test_another_history_keeps_only_the_system_prompt() -> None:
    llama = RecordingLlama()
    built = pin_segments(llama, SYSTEM + HIST_A + [7], (4, 7), ())
    llama.evals.clear()
    built = pin_segments(llama, SYSTEM + HIST_B + [7], (4, 6), built)
    assert llama.evals == [HIST_B] and built == (4, 6)


def test_the_same_tokens_cut_elsewhere_are_evaluated_again() -> None:
    # The cache holds the right tokens, but evaluated in other pieces: their numbers differ
    # slightly, so they are not reused (a reply must depend on its prompt alone).
    llama = RecordingLlama()
    tokens = SYSTEM + HIST_A + [7]
    built = pin_segments(llama, tokens, (4, 7), ())
    llama.evals.clear()
    pin_segments(llama, tokens, (7,), built)
    assert llama.evals == [SYSTEM + HIST_A] and llama.resets == 2


def test_a_cache_emptied_behind_its_back_is_rebuilt() -> None:
    llama = RecordingLlama()
    built = pin_segments(llama, [*SYSTEM, 7], (4,), ())
    llama.reset()  # e.g. a benchmark's cold start
    llama.evals.clear()
    pin_segments(llama, [*SYSTEM, 8], (4,), built)
    assert llama.evals == [SYSTEM]


def test_no_ends_pins_nothing_and_one_token_is_always_left() -> None:
    llama = RecordingLlama()
    assert pin_segments(llama, SYSTEM, (), ()) == ()
    # An end at the prompt's last token would leave nothing for generate to evaluate.
    assert pin_segments(llama, SYSTEM, (2, 4), ()) == (2,)
    assert llama.evals == [[1, 2]]
