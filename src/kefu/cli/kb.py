"""`kefu kb ...`: add, list, remove and search knowledge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console

    from kefu.knowledge.base import KnowledgeBase

app = typer.Typer(
    help="Manage the knowledge base: FAQ files (CSV/TSV/JSON/JSONL) and documents "
    "(Markdown, text, HTML, PDF).",
    no_args_is_help=True,
)


@app.command("add")
def add(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders to ingest.", show_default=False)
    ],
) -> None:
    """Ingest files. Unchanged files are skipped; a bad file is reported and nothing of it kept."""
    from rich.markup import escape

    from kefu.cli.app import _errors
    from kefu.cli.audit import record
    from kefu.cli.common import console, open_kb, progress_bar

    out, err = console(), console(stderr=True)
    with _errors():
        kb = open_kb(None)
        before = _stored(kb)
        try:
            with progress_bar(err) as update:
                report = kb.add(paths, progress=update)
        except KeyboardInterrupt:
            err.print(_interrupted(paths, before, _stored(kb)), markup=False, highlight=False)
            raise  # _errors: exit code 130
        withheld = dict(report.withheld)
        for path, n in report.added:
            verb = "updated" if path in report.updated else "added"
            out.print(f"[green]{verb}[/] {escape(path)} ({_entries(n)})")
            if withheld.get(path):
                lines = "1 line" if withheld[path] == 1 else f"{withheld[path]} lines"
                out.print(f"  [yellow]{lines} held back[/]: read as instructions to the assistant")
            # What customers are told changed: audited like an upload on /admin.
            details = {"entries": n, "updated": verb == "updated"}
            if withheld.get(path):
                details["withheld_lines"] = withheld[path]
            record(kb.db, "knowledge.add", path, details)
        for path in report.unchanged:
            out.print(f"[dim]unchanged[/] {escape(path)}")
        for path, message in report.failed:
            err.print(f"[bold red]failed[/] {escape(path)}", markup=True)
            err.print(f"  {message}", markup=False)
        _print_skipped(err, report.skipped)
        out.print(
            f"{_entries(kb.repo.count())} in the knowledge base; {report.embedded} newly embedded."
        )
        if not report.ok:
            raise typer.Exit(1)


def _stored(kb: KnowledgeBase) -> dict[str, tuple[str, datetime]]:
    """Each stored source's content hash and time of its last change, by path."""
    return {s.path: (s.content_hash, s.updated_at) for s in kb.repo.list_sources()}


def _interrupted(
    paths: list[Path],
    before: dict[str, tuple[str, datetime]],
    after: dict[str, tuple[str, datetime]],
) -> str:
    """What a Ctrl-C left, read from the database: each file is stored in a transaction of its
    own after all are read and embedded, so an interrupt stores nothing of the file it cut
    short, but files stored before it stay (the same as a finished `kb add` of them)."""
    given = ", ".join(p.name or str(p) for p in paths)
    changed = sorted(p for p in after.keys() | before.keys() if after.get(p) != before.get(p))
    if not changed:
        return f"Interrupted: nothing of {given} was stored; the knowledge base is as it was."
    names = ", ".join(Path(p).name for p in changed)
    return (
        f"Interrupted: {names} {'was' if len(changed) == 1 else 'were'} stored before the "
        f"interrupt (complete); nothing of the other files of {given} was. Run the same "
        "`kefu kb add` again to add the rest."
    )


def _entries(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _print_skipped(err: Console, skipped: list[tuple[str, str]], shown: int = 10) -> None:
    from rich.markup import escape

    for path, why in skipped[:shown]:
        err.print(f"[yellow]skipped[/] {escape(path)}: {escape(why)}")
    if len(skipped) > shown:
        err.print(f"[yellow]skipped[/] {len(skipped) - shown} more")


@app.command("list")
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    entries: Annotated[bool, typer.Option("--entries", help="List every entry.")] = False,
) -> None:
    """List sources (and optionally entries) in the knowledge base."""
    from rich.table import Table

    from kefu.cli.app import _errors
    from kefu.cli.common import console, open_kb

    out = console()
    with _errors():
        kb = open_kb(None)
        sources = kb.sources()
        if as_json:
            rows = [
                {
                    "id": s.id,
                    "path": s.path,
                    "name": s.name,
                    "kind": s.kind,
                    "entries": s.entry_count,
                    "updated_at": s.updated_at.isoformat(),
                }
                for s in sources
            ]
            if entries:
                for row in rows:
                    row["items"] = [
                        {"id": e.id, "kind": e.kind, "title": e.title}
                        for e in kb.repo.entries(str(row["path"]))
                    ]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not sources:
            out.print("The knowledge base is empty. Add files with: kefu kb add FILE")
            return
        table = Table("id", "file", "kind", "entries", "updated")
        for s in sources:
            table.add_row(
                str(s.id),
                s.path,
                s.kind,
                str(s.entry_count),
                s.updated_at.strftime("%Y-%m-%d %H:%M"),
            )
        out.print(table)
        if entries:
            t2 = Table("entry id", "kind", "title")
            for e in kb.entries():
                t2.add_row(e.id, e.kind, e.title[:80])
            out.print(t2)


@app.command("remove")
def remove(
    key: Annotated[
        str, typer.Argument(help="A file path, a source id from 'kb list', or an entry id.")
    ],
    source: Annotated[
        bool, typer.Option("--source", help="KEY is a file path, file name or source id.")
    ] = False,
    entry: Annotated[bool, typer.Option("--entry", help="KEY is an entry id.")] = False,
) -> None:
    """Remove a source file (all its entries) or a single entry.

    A KEY that is both a source id and an entry id (say 3) is refused: add --source or --entry.
    """
    from kefu.cli.app import _errors
    from kefu.cli.audit import record
    from kefu.cli.common import console, open_kb

    with _errors():
        if source and entry:
            raise typer.BadParameter("give --source or --entry, not both")
        kind: Literal["source", "entry"] | None = "source" if source else "entry" if entry else None
        kb = open_kb(None)
        removed = kb.remove(key, kind=kind)
        record(kb.db, "knowledge.remove", key, {"entries": len(removed), "kind": kind})
        console().print(f"removed {_entries(len(removed))}")


@app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="Text to search for.")],
    top_k: Annotated[int, typer.Option("--top-k", "-k", min=1, max=100)] = 5,
    pack: Annotated[str | None, typer.Option(help="Search a demo pack instead.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Search the knowledge base and show scores (fused, dense cosine, BM25) and confidence."""
    from rich.table import Table

    from kefu.cli.app import _errors
    from kefu.cli.common import console, open_kb, progress_bar
    from kefu.dialogue.confidence import ConfidenceModel

    with _errors():
        if not query.strip():
            from kefu.errors import KefuError

            raise KefuError("the search text is empty")
        kb = open_kb(pack)
        # A first search (a pack, a new embedder, entries stored without vectors) embeds the
        # knowledge: show it rather than appear to hang.
        with progress_bar(console(stderr=True)) as update:
            kb.warm_up(progress=update)
        result = kb.search(query, top_k=top_k)
        conf = ConfidenceModel.load(embedder=kb.settings.embedder).predict(result.features)
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "query": query,
                        "confidence": round(conf, 4),
                        "results": [
                            {
                                "id": p.entry.id,
                                "title": p.entry.title,
                                "kind": p.entry.kind,
                                "score": round(p.score, 5),
                                "dense": round(p.dense, 4),
                                "bm25": round(p.keyword, 3),
                            }
                            for p in result.passages
                        ],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        table = Table("#", "id", "title", "score", "dense", "bm25", title=f"confidence {conf:.2f}")
        for p in result.passages:
            table.add_row(
                str(p.rank),
                p.entry.id,
                p.entry.title[:60],
                f"{p.score:.4f}",
                f"{p.dense:.3f}",
                f"{p.keyword:.2f}",
            )
        console().print(table)
