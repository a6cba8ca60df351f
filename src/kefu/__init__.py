"""kefu (客服): an offline-first customer-support assistant.

Importing this package is cheap on purpose: nothing loads a model, opens a database or
imports numpy until a component's ``warm_up()`` (or first use) asks for it, so that
``kefu --help`` answers in well under a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kefu._blas import prefer_small_matrix_kernels

__version__ = "0.1.0"

# Before anything imports numpy: OpenBLAS picks its kernels once, when it loads (kefu._blas).
prefer_small_matrix_kernels()

__all__ = ["Answer", "Assistant", "Entry", "Passage", "Settings", "__version__"]

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.dialogue.assistant import Assistant
    from kefu.types import Answer, Entry, Passage

_LAZY = {
    "Answer": ("kefu.types", "Answer"),
    "Entry": ("kefu.types", "Entry"),
    "Passage": ("kefu.types", "Passage"),
    "Settings": ("kefu.config", "Settings"),
    "Assistant": ("kefu.dialogue.assistant", "Assistant"),
}


def __getattr__(name: str) -> Any:
    # PEP 562 lazy attributes keep `import kefu` free of heavy imports.
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'kefu' has no attribute {name!r}")
