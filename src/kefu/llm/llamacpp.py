"""A GGUF model run in-process by llama.cpp (through llama-cpp-python).

The `Llama` object is created once, on `warm_up()`, and kept, with its KV cache: the messages a
new prompt shares with the previous one (the system prompt; within a conversation, the history)
are evaluated once, not on every turn, cut so that a reply depends on its prompt alone
(`kefu.llm.kv_segments`). A llama.cpp context is not thread-safe, so
generations take turns behind a lock. The streaming loop does nothing per token beyond picking
the text out of the chunk, to keep decode speed at that of raw llama-cpp-python.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import ConfigError, LLMError, MissingDependency
from kefu.llm.base import ModelInfo
from kefu.llm.kv_segments import SegmentEnds
from kefu.types import ChatMessage

if TYPE_CHECKING:
    import llama_cpp

GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class GenerationStats:
    """Counts and timings of the last `stream()` call."""

    prompt_tokens: int  # the whole prompt, including any prefix served from the KV cache
    completion_tokens: int  # tokens of the reply (the end-of-turn token not counted)
    time_to_first_token_s: float | None  # None when the reply was empty
    total_s: float
    finish_reason: str | None = None  # "stop" or "length", as llama.cpp reports it

    @property
    def decode_tokens_per_s(self) -> float | None:
        """Tokens after the first over the time after the first (prompt evaluation excluded)."""
        if self.time_to_first_token_s is None or self.completion_tokens < 2:
            return None
        decode_s = self.total_s - self.time_to_first_token_s
        return (self.completion_tokens - 1) / decode_s if decode_s > 0 else None


def check_gguf(path: Path) -> None:
    """ConfigError unless `path` is a readable file that starts like a GGUF model.

    llama.cpp may abort the whole process on some malformed files, so obvious mistakes (a
    missing file, a folder, a text or safetensors file) are caught here first.
    """
    if not path.exists():
        raise ConfigError(f"model file {path} does not exist")
    if not path.is_file():
        raise ConfigError(f"model path {path} is not a file")
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise ConfigError(f"model file {path} cannot be read: {exc}") from exc
    if magic != GGUF_MAGIC:
        raise ConfigError(f"{path} is not a GGUF model file (it does not start with 'GGUF')")


_COUNTING_CLASS: Any = None


def _counting_llama_class() -> Any:
    """A `Llama` subclass that notes the prompt length and the tokens each generation samples.

    Streamed chat chunks carry no token counts, and a chunk can hold several tokens, so the
    counts come from wrapping `generate`; that costs one generator hop per token.
    """
    global _COUNTING_CLASS
    if _COUNTING_CLASS is not None:
        return _COUNTING_CLASS
    import llama_cpp

    from kefu.llm.kv_segments import pin_segments

    class CountingLlama(llama_cpp.Llama):
        kefu_prompt_tokens = 0
        kefu_sampled = 0
        kefu_last_token = -1
        kefu_ends: tuple[int, ...] = ()  # where the prompt's pieces end (kv_segments)
        kefu_built: tuple[int, ...] = ()  # the ends the KV cache was built with

        def generate(self, tokens: Sequence[int], *args: Any, **kwargs: Any) -> Any:
            self.kefu_prompt_tokens = len(tokens)
            self.kefu_sampled = 0
            self.kefu_built = pin_segments(self, list(tokens), self.kefu_ends, self.kefu_built)
            inner = super().generate(tokens, *args, **kwargs)
            sent = None
            try:
                while True:
                    token = inner.send(sent)
                    self.kefu_sampled += 1
                    self.kefu_last_token = token
                    sent = yield token
            except StopIteration:
                return
            finally:
                inner.close()

        def kefu_last_is_end(self) -> bool:
            if self.kefu_sampled == 0:
                return False
            try:
                return bool(llama_cpp.llama_vocab_is_eog(self._model.vocab, self.kefu_last_token))
            except AttributeError:  # older bindings
                return bool(self.kefu_last_token == self.token_eos())

    _COUNTING_CLASS = CountingLlama
    return CountingLlama


_PARAMS_LOCK = threading.Lock()


def build_has_amx() -> bool:
    """Whether the installed llama.cpp was built with Intel AMX kernels (``AMX_INT8 = 1``)."""
    import llama_cpp

    try:
        info = llama_cpp.llama_print_system_info()
    except AttributeError:  # older bindings
        return False
    text = info.decode("utf-8", "replace") if isinstance(info, bytes) else str(info)
    return "AMX_INT8 = 1" in text


@contextmanager
def _model_params(extra_buffers: bool) -> Iterator[None]:
    """Make `Llama.__init__` load with ``use_extra_bufts = extra_buffers``.

    llama-cpp-python takes the model parameters from ``llama_model_default_params()`` and has
    no argument for this one, so that function is swapped for the load (under a lock: it is
    module state).
    """
    import llama_cpp.llama_cpp as lib

    if not hasattr(lib.llama_model_params, "use_extra_bufts") or extra_buffers:
        yield
        return
    with _PARAMS_LOCK:
        original = lib.llama_model_default_params

        def without_extra_buffers() -> Any:
            params = original()
            params.use_extra_bufts = False
            return params

        lib.llama_model_default_params = without_extra_buffers
        try:
            yield
        finally:
            lib.llama_model_default_params = original


def open_llama(cls: Any = None, *, extra_buffers: bool | None = None, **kwargs: Any) -> Any:
    """``cls(**kwargs)`` (default `llama_cpp.Llama`), safe on machines where AMX crashes.

    At load, llama.cpp moves weights into "extra" buffers laid out for faster kernels: repacked
    ones, and AMX tiles on CPUs that have AMX. Its AMX kernels crash the process (SIGSEGV at the
    first evaluation) on some machines, virtual ones among them, whose worker threads lack the
    kernel's AMX permission (ggml-org/llama.cpp#20824); the 2-core development VM is one. So
    `extra_buffers` None (auto) turns them off where the build has AMX and keeps them elsewhere;
    True or False decides (``KEFU_LLM_EXTRA_BUFFERS``).
    """
    import llama_cpp

    if extra_buffers is None:
        extra_buffers = not build_has_amx()
    with _model_params(extra_buffers):
        return (cls or llama_cpp.Llama)(**kwargs)


def physical_cores() -> int:
    """Physical cores this process may run on (Linux topology files), else half the CPUs."""
    try:
        cpus = sorted(os.sched_getaffinity(0))
        cores = set()
        for cpu in cpus:
            topo = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
            package = (topo / "physical_package_id").read_text().strip()
            cores.add((package, (topo / "core_id").read_text().strip()))
        return max(len(cores), 1)
    except (AttributeError, OSError):
        return max((os.cpu_count() or 2) // 2, 1)


class LlamaCppModel:
    def __init__(
        self,
        path: str | Path,
        *,
        n_ctx: int = 2048,
        n_threads: int | None = None,
        n_threads_batch: int | None = None,
        flash_attention: bool = True,
        extra_buffers: bool | None = None,
        languages: Sequence[str] = ("en",),
        seed: int = 0,
        reencode: str | None = None,
        reencode_dir: Path | None = None,
    ) -> None:
        self.path = Path(path).expanduser()
        # The model as configured; `path` may become a cached copy, whose name is internal.
        self.source = self.path
        # `reencode` ("q8_0"): serve a re-encoded copy of the file (kefu.llm.convert), made on
        # warm_up; `path` then names the copy.
        self.reencode = reencode if reencode_dir is not None else None
        self.reencode_dir = reencode_dir
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.n_threads_batch = n_threads_batch
        self.flash_attention = flash_attention
        self.extra_buffers = extra_buffers
        self.seed = seed
        self._languages = tuple(languages)
        self._llama: Any = None
        self._load_lock = threading.Lock()
        self._lock = threading.Lock()  # one generation at a time per llama.cpp context
        self.last_stats: GenerationStats | None = None
        self._segment_ends = SegmentEnds()  # where each prompt is cut for the KV cache

    @property
    def info(self) -> ModelInfo:
        try:
            size: int | None = self.path.stat().st_size
        except OSError:
            size = None
        return ModelInfo(
            backend="llamacpp",
            name=self.source.name,
            languages=self._languages,
            path=str(self.path),
            size_bytes=size,
            details={
                "n_ctx": str(self.n_ctx),
                "n_threads": str(self.n_threads or "auto"),
                "n_threads_batch": str(self.n_threads_batch or "auto"),
                "served_as": self.reencode.upper() if self.reencode else "as shipped",
                "extra_buffers": {None: "auto (off where llama.cpp has AMX)", True: "on"}.get(
                    self.extra_buffers, "off"
                ),
            },
        )

    @property
    def llama(self) -> llama_cpp.Llama:
        """The underlying `llama_cpp.Llama` (loaded on first use), for benchmarks."""
        self.warm_up()
        return self._llama

    def warm_up(self) -> None:
        if self._llama is not None:
            return
        with self._load_lock:
            if self._llama is not None:
                return
            check_gguf(self.path)
            if self.reencode and self.reencode_dir is not None:
                from kefu.llm.convert import prepared_gguf

                self.path = prepared_gguf(self.path, self.reencode_dir, self.reencode)
            try:
                cls = _counting_llama_class()
            except ImportError as exc:
                raise MissingDependency("llama-cpp-python", purpose="local GGUF models") from exc
            # llama-cpp-python would use every logical CPU. Decoding is memory-bound: one
            # thread per two logical CPUs is as fast as more, and ggml's threads spin at
            # barriers, so extra ones only steal CPU from the rest of the process. Prompt
            # evaluation is compute-bound and scales with physical cores (a hyper-thread adds
            # nothing but contention), so it gets one thread per physical core.
            threads = self.n_threads or max((os.cpu_count() or 2) // 2, 1)
            threads_batch = self.n_threads_batch or self.n_threads or physical_cores()
            try:
                self._llama = open_llama(
                    cls,
                    extra_buffers=self.extra_buffers,
                    model_path=str(self.path),
                    n_ctx=self.n_ctx,
                    n_threads=threads,
                    n_threads_batch=threads_batch,
                    # Flash attention evaluates prompts ~35 % faster on the CPU here and
                    # decodes a little faster too (benchmarks/RESULTS.md, run 5).
                    flash_attn=self.flash_attention,
                    seed=self.seed,
                    verbose=False,
                )
            except Exception as exc:  # llama.cpp reports load failures as ValueError/RuntimeError
                raise ConfigError(f"llama.cpp could not load {self.path}: {exc}") from exc

    def close(self) -> None:
        """Free the weights and context; a later call loads them again."""
        with self._load_lock, self._lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int = 200,
        temperature: float = 0.2,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        if not messages:
            raise LLMError("no messages to answer")
        if max_tokens < 1:
            raise LLMError(f"max_tokens must be at least 1, got {max_tokens}")
        self.warm_up()
        payload = [{"role": m.role, "content": m.content} for m in messages]
        return self._generate(payload, max_tokens, temperature, [s for s in stop if s])

    def _generate(
        self, payload: list[dict[str, str]], max_tokens: int, temperature: float, stop: list[str]
    ) -> Iterator[str]:
        with self._lock:
            llama = self._llama
            if llama is None:  # close() ran between stream() and the first next()
                raise LLMError(f"{self.path.name} was closed before the reply started")
            start = time.perf_counter()
            first: float | None = None
            finish: str | None = None
            chunks: Any = None
            llama.kefu_prompt_tokens = llama.kefu_sampled = 0
            llama.kefu_ends = self._segment_ends(llama, payload)
            try:
                chunks = llama.create_chat_completion(
                    messages=payload,
                    max_tokens=max_tokens,
                    temperature=temperature,
                    # Seeded per call: the same question on the same knowledge gets the same
                    # answer, not one that depends on what was sampled before it.
                    seed=self.seed,
                    stop=stop,
                    stream=True,
                )
                for chunk in chunks:
                    choice = chunk["choices"][0]
                    content = choice["delta"].get("content")
                    if content:
                        if first is None:
                            first = time.perf_counter()
                        yield content
                    elif choice["finish_reason"]:
                        finish = choice["finish_reason"]
            except Exception as exc:  # e.g. a prompt longer than the context window
                raise LLMError(f"llama.cpp failed on {self.path.name}: {exc}") from exc
            finally:
                if chunks is not None:
                    chunks.close()
                end = time.perf_counter()
                sampled = llama.kefu_sampled
                if finish == "stop" and llama.kefu_last_is_end():
                    sampled -= 1
                self.last_stats = GenerationStats(
                    prompt_tokens=llama.kefu_prompt_tokens,
                    completion_tokens=max(sampled, 0),
                    time_to_first_token_s=None if first is None else first - start,
                    total_s=end - start,
                    finish_reason=finish,
                )

    def count_tokens(self, text: str) -> int:
        if not text:
            return 0
        tokens = self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        return len(tokens)
