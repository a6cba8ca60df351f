"""The models a user can pick from: the bundled GGUF, registered ones, and their measured speed.

Registered models live in ``<home>/models/registry.json`` (name -> path), so `llm_model = NAME`
selects one. Speed and memory are measured on this machine by `kefu models bench` and cached in
``<home>/models/bench.json``, keyed by the file's path, size and modification time, so a
re-trained file at the same path is measured again rather than shown with stale figures.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import ConfigError, NotFoundError

if TYPE_CHECKING:
    from kefu.config.settings import Settings

REGISTRY_FILE = "registry.json"
BENCH_FILE = "bench.json"
BUNDLED_NAME = "bundled"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# A fixed English prompt: decode speed barely depends on the text, but a fixed one keeps runs
# comparable.
BENCH_PROMPT = (
    "<|im_start|>user\nHow do I return an item I bought online?<|im_end|>\n<|im_start|>assistant\n"
)


@dataclass(frozen=True)
class Measurement:
    tokens_per_s: float  # decode speed, prompt evaluation excluded
    memory_mb: float  # resident memory the loaded model added to the process
    n_tokens: int
    threads: int | None
    measured_at: str


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path} is not valid JSON: {exc}") from exc
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a registry


def registered_models(settings: Settings) -> dict[str, Path]:
    """{name: path} of the models added with `kefu models add`."""
    data = _read_json(settings.models_dir / REGISTRY_FILE)
    return {name: Path(item["path"]) for name, item in data.get("models", {}).items()}


def lookup_registered(name: str, models_dir: Path) -> Path | None:
    """The path registered under `name` ("bundled" is the bundled GGUF), or None."""
    if name == BUNDLED_NAME:
        from kefu.llm.bundled import bundled_gguf_path

        return bundled_gguf_path()
    item = _read_json(models_dir / REGISTRY_FILE).get("models", {}).get(name)
    return Path(item["path"]) if isinstance(item, dict) and "path" in item else None


def registered_languages(name: str, models_dir: Path) -> tuple[str, ...] | None:
    """The languages recorded for a registered model, if any."""
    if name == BUNDLED_NAME:
        return ("en",)
    item = _read_json(models_dir / REGISTRY_FILE).get("models", {}).get(name)
    languages = item.get("languages") if isinstance(item, dict) else None
    return tuple(languages) if languages else None


def register_model(
    settings: Settings, name: str, path: Path, *, languages: tuple[str, ...] | None = None
) -> Path:
    """Record `path` (a GGUF file) under `name`; the absolute path that was stored."""
    from kefu.llm.llamacpp import check_gguf

    if not _NAME.match(name) or name == BUNDLED_NAME:
        raise ConfigError(
            f"model name {name!r} must be 1-64 letters, digits, '.', '_' or '-' (and not "
            f"'{BUNDLED_NAME}')"
        )
    path = Path(path).expanduser().resolve()
    check_gguf(path)
    registry = settings.models_dir / REGISTRY_FILE
    data = _read_json(registry)
    item: dict[str, Any] = {
        "path": str(path),
        "added": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if languages:
        item["languages"] = list(languages)
    data.setdefault("models", {})[name] = item
    _write_json(registry, data)
    return path


def unregister_model(settings: Settings, name: str) -> None:
    registry = settings.models_dir / REGISTRY_FILE
    data = _read_json(registry)
    if name not in data.get("models", {}):
        raise NotFoundError(f"no registered model named {name!r}")
    del data["models"][name]
    _write_json(registry, data)


def available_models(settings: Settings) -> dict[str, Path]:
    """The bundled model (when installed) and the registered ones, by name."""
    from kefu.llm.bundled import has_bundled_model

    models: dict[str, Path] = {}
    if has_bundled_model():
        from kefu.llm.bundled import bundled_gguf_path

        models[BUNDLED_NAME] = bundled_gguf_path()
    models.update(registered_models(settings))
    return models


def _bench_key(path: Path) -> str:
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{int(stat.st_mtime)}"


def cached_measurement(settings: Settings, path: Path) -> Measurement | None:
    try:
        key = _bench_key(path)
    except OSError:
        return None
    item = _read_json(settings.models_dir / BENCH_FILE).get(key)
    return Measurement(**item) if isinstance(item, dict) else None


def _rss_mb() -> float:
    """This process's resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure_speed(path: Path, *, n_tokens: int = 64, threads: int | None = None) -> Measurement:
    """Decode `n_tokens` greedily with llama.cpp and time the tokens after the first."""
    import llama_cpp

    from kefu.llm.llamacpp import check_gguf, open_llama

    check_gguf(path)
    # llama.cpp's one-time set-up would otherwise be charged to the first model measured.
    llama_cpp.llama_backend_init()
    before = _rss_mb()
    llm = open_llama(model_path=str(path), n_ctx=512, n_threads=threads, verbose=False, seed=0)
    prompt = llm.tokenize(BENCH_PROMPT.encode(), add_bos=False, special=True)
    first = end = 0.0
    count = 0
    # generate() never stops by itself: end-of-turn is just another token here, so every run
    # decodes exactly n_tokens whatever the model would say.
    for _ in llm.generate(prompt, top_k=1, temp=0.0, reset=True):
        count += 1
        if count == 1:
            first = time.perf_counter()
        if count >= n_tokens:
            end = time.perf_counter()
            break
    memory = _rss_mb() - before
    del llm
    speed = (count - 1) / (end - first) if end > first else 0.0
    return Measurement(
        tokens_per_s=speed,
        memory_mb=max(0.0, memory),
        n_tokens=count,
        threads=threads,
        measured_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def bench_model(settings: Settings, path: Path, *, n_tokens: int = 64) -> Measurement:
    """Measure `path` now and cache the figures for `kefu models`."""
    result = measure_speed(path, n_tokens=n_tokens, threads=settings.llm_threads)
    cache = settings.models_dir / BENCH_FILE
    data = _read_json(cache)
    data[_bench_key(path)] = asdict(result)
    _write_json(cache, data)
    return result
