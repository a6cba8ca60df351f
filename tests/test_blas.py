"""kefu._blas: the OpenBLAS kernels chosen at `import kefu`, checked in fresh interpreters."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kefu._blas import SMALL_MATRIX_CORETYPE, choose_coretype

AVX512 = frozenset({"avx2", "avx512f", "fma"})
AVX2 = frozenset({"avx2", "fma"})


@pytest.mark.parametrize(
    ("env", "flags", "expected"),
    [
        ({}, AVX512, SMALL_MATRIX_CORETYPE),
        ({}, AVX2, None),
        ({}, frozenset(), None),
        ({"KEFU_BLAS_CORETYPE": "auto"}, AVX512, SMALL_MATRIX_CORETYPE),
        ({"KEFU_BLAS_CORETYPE": "native"}, AVX512, None),
        ({"KEFU_BLAS_CORETYPE": "SkylakeX"}, AVX2, "SkylakeX"),
        ({"OPENBLAS_CORETYPE": "Zen"}, AVX512, None),  # the user's own choice wins
    ],
)
def test_choose_coretype(env: dict[str, str], flags: frozenset[str], expected: str | None) -> None:
    assert choose_coretype(env, flags) == expected


def _architecture(env: dict[str, str], first: str = "kefu") -> dict[str, object]:
    """What OpenBLAS reports in a fresh interpreter that imports `first`, then numpy."""
    code = (
        f"import {first}, numpy, os, json, threadpoolctl\n"
        "arch = [i.get('architecture') for i in threadpoolctl.threadpool_info()\n"
        "        if i['internal_api'] == 'openblas']\n"
        "print(json.dumps({'env': os.environ.get('OPENBLAS_CORETYPE'), 'arch': arch}))\n"
    )
    base = {k: v for k, v in os.environ.items() if "CORETYPE" not in k}
    command = [sys.executable, "-c", code]
    out = subprocess.run(command, env={**base, **env}, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout)
    if not result["arch"]:
        pytest.skip("numpy is not linked against OpenBLAS here")
    return result


def test_an_explicit_coretype_reaches_openblas() -> None:
    got = _architecture({"KEFU_BLAS_CORETYPE": "Haswell"})
    assert got == {"env": "Haswell", "arch": ["Haswell"]}


def test_native_and_numpy_first_leave_openblas_alone() -> None:
    native = _architecture({"KEFU_BLAS_CORETYPE": "native"})
    assert native["env"] is None
    late = _architecture({"KEFU_BLAS_CORETYPE": "Haswell"}, first="numpy, kefu")
    assert late["env"] is None and late["arch"] == native["arch"]
