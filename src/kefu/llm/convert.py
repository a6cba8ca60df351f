"""Re-encode a GGUF model's weights as Q8_0, once, for faster prompts on a CPU.

The bundled SmolLM2 GGUF stores its weights as Q4_1 (4-bit, with a per-block offset).
llama.cpp has no fast batched kernels for Q4_1 on x86, so a prompt is evaluated at about the
speed of decoding; its Q8_0 kernels evaluate prompts about twice as fast and decode ~20 %
faster on this class of machine (benchmarks/RESULTS.md). Each Q4_1 value is a point on a
16-level grid; Q8_0 stores it on a 255-level grid per 32-weight block, so the re-encoded model
is the same model to within 1/17 of a 4-bit step: perplexity moved +0.5 % on our docs, inside
the difference between two CPUs' arithmetic. Re-encoding to a 4-bit format (Q4_0) instead
would stack a second 4-bit rounding on the first (+22 % perplexity), so it is not offered.

The converted file is a cache: it lives under ``KEFU_HOME/models/converted``, is named after
the source file's size and modification time, is written to a temporary name and renamed, so
an interrupted conversion leaves nothing that looks finished, and any failure falls back to
the original file.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
from pathlib import Path

from kefu.errors import ConfigError

log = logging.getLogger(__name__)

FORMATS = ("q8_0",)
_LOCK = threading.Lock()


def converted_path(source: Path, folder: Path, fmt: str = "q8_0") -> Path:
    stat = source.stat()
    stem = source.stem.split(".")[0]  # "SmolLM2-135M-Instruct.Q4_1" -> "SmolLM2-135M-Instruct"
    return folder / f"{stem}.{fmt.upper()}.{stat.st_size}-{int(stat.st_mtime)}.gguf"


def convert_gguf(source: Path, folder: Path, fmt: str = "q8_0") -> Path:
    """The path of `source` re-encoded as `fmt` under `folder`, converting on first use.

    Raises ConfigError when llama.cpp cannot convert the file; `prepared_gguf` turns that into
    a fallback to the original.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown GGUF format {fmt!r}; expected one of {', '.join(FORMATS)}")
    target = converted_path(source, folder, fmt)
    if target.is_file() and target.stat().st_size > 0:
        return target
    try:
        import llama_cpp
        from llama_cpp import _logger
    except ImportError as exc:  # pragma: no cover - the caller loads llama.cpp next anyway
        raise ConfigError("llama-cpp-python is needed to convert a GGUF model") from exc
    with _LOCK:
        if target.is_file() and target.stat().st_size > 0:
            return target
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        _logger.set_verbose(False)  # llama.cpp would print a line per tensor
        params = llama_cpp.llama_model_quantize_default_params()
        params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q8_0
        params.allow_requantize = True  # the source is already quantised
        params.nthread = max((os.cpu_count() or 2) // 2, 1)
        log.info("re-encoding %s as %s (once)", source.name, fmt.upper())
        try:
            rc = llama_cpp.llama_model_quantize(
                str(source).encode(), str(tmp).encode(), ctypes.byref(params)
            )
            if rc != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
                raise ConfigError(f"llama.cpp could not re-encode {source.name} (code {rc})")
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
    return target


def prepared_gguf(source: Path, folder: Path, fmt: str | None) -> Path:
    """`source` re-encoded as `fmt` when asked and possible, else `source` itself (also for a
    format that names the file as shipped, such as the setting's "q4_1")."""
    if fmt not in FORMATS:
        return source
    try:
        return convert_gguf(source, folder, fmt)
    except (ConfigError, OSError) as exc:
        # Slower prompts are better than no assistant: serve the original file.
        log.warning("serving %s as shipped: %s", source.name, exc)
        return source
