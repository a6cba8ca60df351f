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

import contextlib
import ctypes
import logging
import os
import sys
import threading
from collections.abc import Iterator
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
    except ImportError as exc:  # pragma: no cover - the caller loads llama.cpp next anyway
        raise ConfigError("llama-cpp-python is needed to convert a GGUF model") from exc
    with _LOCK:
        if target.is_file() and target.stat().st_size > 0:
            return target
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        log.info("re-encoding %s as %s (once)", source.name, fmt.upper())
        try:
            quantize_gguf(
                source,
                tmp,
                ftype=llama_cpp.LLAMA_FTYPE_MOSTLY_Q8_0,
                threads=max((os.cpu_count() or 2) // 2, 1),
                requantize=True,  # the source is already quantised
            )
            if tmp.stat().st_size == 0:
                raise ConfigError(f"llama.cpp wrote an empty file re-encoding {source.name}")
            tmp.replace(target)
        except ConfigError as exc:
            raise ConfigError(f"llama.cpp could not re-encode {source.name}: {exc}") from exc
        finally:
            tmp.unlink(missing_ok=True)
    return target


def quantize_gguf(
    src: Path, dst: Path, *, ftype: int, threads: int = 0, requantize: bool = False
) -> Path:
    """Quantise with llama.cpp's own quantiser (the same code that made the base file).

    `ftype` is a LLAMA_FTYPE_* value; `requantize` allows an already quantised source."""
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = ftype
    params.nthread = threads
    params.allow_requantize = requantize
    dst.parent.mkdir(parents=True, exist_ok=True)
    with _quiet_stderr():  # llama.cpp prints a line per tensor straight to fd 2
        rc = llama_cpp.llama_model_quantize(
            str(src).encode(), str(dst).encode(), ctypes.byref(params)
        )
    if rc != 0 or not dst.exists():
        raise ConfigError(f"llama.cpp could not quantise {src} (code {rc})")
    return dst


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null (C code ignores sys.stderr)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


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
