"""Choose OpenBLAS's CPU kernels before numpy loads it.

kefu's matrix products are small: one query through MiniLM multiplies (tokens x 384) by
(384 x 1536) and the like, one row at a time. On AVX-512 CPUs OpenBLAS picks its AVX-512
kernels (SkylakeX and later), which were slower at these sizes than its AVX2 ("Haswell") ones
on an AVX-512 development VM, in interleaved runs: 0.25 against 0.18 ms for a (16 x 384) @
(384 x 1536) product, 8.5-8.9 against 6.3-6.7 ms for a MiniLM query, and 20.9-23.5 against
18.5-19.5 ms for a search of 100,000 entries (benchmarks/RESULTS.md, run 8). The AVX2 kernels
run on every AVX-512 CPU.

OpenBLAS reads ``OPENBLAS_CORETYPE`` once, when numpy first loads it, so this runs at
``import kefu`` (a look at /proc/cpuinfo's first flags line, no numpy) and does nothing if numpy
is already loaded or the variable is already set. ``KEFU_BLAS_CORETYPE`` decides instead:
``native`` keeps OpenBLAS's own choice; any other value is passed on as ``OPENBLAS_CORETYPE``.
The variable is set in ``os.environ``, so processes kefu starts inherit it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

SMALL_MATRIX_CORETYPE = "Haswell"


def cpu_flags() -> frozenset[str]:
    """The first CPU's feature flags from /proc/cpuinfo; empty where there is none."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return frozenset()


def choose_coretype(env: Mapping[str, str], flags: frozenset[str]) -> str | None:
    """The OPENBLAS_CORETYPE to set, or None to leave OpenBLAS alone."""
    if "OPENBLAS_CORETYPE" in env:
        return None
    wanted = env.get("KEFU_BLAS_CORETYPE", "auto").strip()
    if wanted.lower() == "native":
        return None
    if wanted and wanted.lower() != "auto":
        return wanted
    return SMALL_MATRIX_CORETYPE if "avx512f" in flags and "avx2" in flags else None


def prefer_small_matrix_kernels() -> None:
    if "numpy" in sys.modules:  # too late: OpenBLAS has chosen
        return
    chosen = choose_coretype(os.environ, cpu_flags())
    if chosen:
        os.environ["OPENBLAS_CORETYPE"] = chosen
