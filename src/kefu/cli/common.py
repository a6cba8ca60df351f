"""Helpers shared by the CLI commands: settings, consoles, progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from kefu.config import Settings
    from kefu.dialogue.assistant import Assistant
    from kefu.knowledge.base import KnowledgeBase


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def settings() -> Settings:
    """The settings, with KEFU_HOME checked: every command that reads them writes below it."""
    from kefu.config import load_settings

    loaded = load_settings()
    loaded.ensure_home()
    return loaded


def open_kb(pack: str | None) -> KnowledgeBase:
    from kefu.knowledge.base import KnowledgeBase

    return KnowledgeBase(settings(), pack=pack)


def resolve_pack(pack: str | None, *, notice: Console | None = None) -> str | None:
    """No pack and an empty knowledge base: use the demo packs, and say so."""
    if pack is not None:
        from kefu.packs import pack_files

        pack_files(pack)  # validates the name with a helpful error
        return pack
    kb = open_kb(None)
    if kb.is_empty():
        if notice is not None:
            notice.print(
                "[dim]Your knowledge base is empty, so kefu answers from the built-in demo packs "
                "(e-commerce, finance, healthcare). Add your own with: kefu kb add FILE[/]"
            )
        return "demo"
    return None


@contextmanager
def progress_bar(stderr_console: Console) -> Iterator[Callable[[str, int, int], None]]:
    """A Rich progress bar driven by (stage, done, total) callbacks.

    Rich draws nothing where stderr is not a terminal (a log file, `nohup`, a CI job), so
    there the same callbacks print a plain line now and then instead: a 20 MB `kefu kb add`
    otherwise ran for minutes without a word (tester T) and looked hung.
    """
    if not stderr_console.is_terminal:
        yield _progress_lines(stderr_console)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr_console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _progress_lines(
    stderr_console: Console, every_s: float = 10.0
) -> Callable[[str, int, int], None]:
    """(stage, done, total) callbacks that print "embedding: 640 of 2,865 (about 12 min
    left)" at a stage's start, its end and at most every ``every_s`` seconds between."""
    import time

    started: dict[str, tuple[float, int]] = {}
    last: dict[str, float] = {}

    def update(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage not in last:
            started[stage] = (now, done)
        elif done < total and now - last[stage] < every_s:
            return
        last[stage] = now
        line = f"{stage}: {done:,} of {total:,}"
        t0, d0 = started[stage]
        if d0 < done < total and now > t0:
            left = (total - done) * (now - t0) / (done - d0)
            line += f" (about {_duration(left)} left)"
        stderr_console.print(line, markup=False, highlight=False)

    return update


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def build_assistant(pack: str | None, *, status: Console | None = None) -> Assistant:
    from kefu.dialogue.assistant import Assistant

    s = settings()
    assistant = Assistant(s, pack=pack)
    if status is not None:
        # One live display at a time: the progress bar (first run embeds the knowledge), then
        # a spinner while the language model loads.
        with progress_bar(status) as update:
            assistant.kb.warm_up(progress=update)
        with status.status("Loading the language model…"):
            assistant.warm_up()
    else:
        assistant.warm_up()
    return assistant


def terminal_text(text: str) -> str:
    """A message typed in a terminal, with bytes that were not UTF-8 read as GB18030 where
    they are that (a Chinese Windows or GBK terminal: Python keeps such bytes as
    surrogate escapes). Anything else is returned as it came, for `clean_message` to refuse
    with a clear message."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
