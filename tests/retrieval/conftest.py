"""Shared fixtures of the retrieval tests.

tests/retrieval is not a package, so the embedder contract is registered under a module name
of its own (a plain `import embedder_contract` could pick up another folder's file).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kefu.text.tokenize import MixedTokenizer


def _register_contract() -> None:
    name = "kefu_tests_retrieval_embedder_contract"
    if name in sys.modules:
        return
    path = Path(__file__).with_name("embedder_contract.py")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


_register_contract()


@pytest.fixture(scope="session")
def tokenizer() -> MixedTokenizer:
    """One warmed-up jieba tokenizer for the whole run (loading it takes about a second)."""
    tk = MixedTokenizer()
    tk.warm_up()
    return tk
