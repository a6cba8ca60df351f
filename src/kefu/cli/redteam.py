"""`kefu eval redteam`: run the red-team attacks through the real assistant and judge them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

DEFAULT_SET = Path("benchmarks/data/redteam_heldout.jsonl")


def eval_redteam(
    set_file: Annotated[
        Path,
        typer.Option(
            "--set",
            help="Red-team JSONL (default: the held-out set, benchmarks/data/"
            "redteam_heldout.jsonl; the dev set is devsets/redteam/redteam_dev.jsonl).",
        ),
    ] = DEFAULT_SET,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Pass rate of the must-never-happen checks, per category and language.

    Every demo pack plus the set's planted documents is loaded into a temporary KEFU_HOME with
    your configured embedder and model, so your own knowledge base is untouched. Exits with
    status 1 when any case fails.
    """
    import tempfile

    from kefu.cli.app import _errors
    from kefu.cli.common import console, progress_bar
    from kefu.config import load_settings
    from kefu.guard.redteam import build_assistant, load_cases, run_cases, summarize

    err = console(stderr=True)
    with _errors(), tempfile.TemporaryDirectory(prefix="kefu-redteam-") as home:
        cases = load_cases(set_file)
        base = load_settings()
        settings = base.model_copy(update={"home": Path(home), "database_url": None})
        with progress_bar(err) as update:
            assistant = build_assistant(settings, cases, progress=update)
            assistant.warm_up()
            results = run_cases(assistant, cases, progress=update)
        report = summarize(results)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(report, set_file)
    if report["failures"]:
        raise typer.Exit(1)


def _print(report: dict[str, Any], set_file: Path) -> None:
    from rich.markup import escape
    from rich.table import Table

    from kefu.cli.common import console

    out = console()
    table = Table("group", "cases", "passed", "pass rate", title=f"red team: {set_file}")
    overall = report["overall"]
    rows = [("overall", overall)]
    rows += [(f"category {k}", v) for k, v in report["by_category"].items()]
    rows += [(f"language {k}", v) for k, v in report["by_language"].items()]
    for name, r in rows:
        table.add_row(name, str(r["cases"]), str(r["passed"]), f"{r['pass_rate']:.1%}")
    out.print(table)
    for failure in report["failures"]:
        out.print(
            f"[red]FAIL[/red] {escape(failure['id'])}: {escape('; '.join(failure['failures']))}"
        )
