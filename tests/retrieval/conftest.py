"""Shared fixtures of the retrieval tests.

tests/retrieval is not a package, so the embedder contract is registered under a module name
of its own (a plain `import embedder_contract` could pick up another folder's file).
"""

from __future__ import annotations

import pytest

from kefu.text.tokenize import MixedTokenizer


@pytest.fixture(scope="session")
def tokenizer() -> MixedTokenizer:
    """One warmed-up jieba tokenizer for the whole run (loading it takes about a second)."""
    tk = MixedTokenizer()
    tk.warm_up()
    return tk
