"""`kefu eval emergency`: how many emergencies the rules and the learned check catch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer


def eval_emergency(
    sets: Annotated[
        list[Path] | None,
        typer.Option(
            "--set",
            help='Labelled JSONL, one {"text", "label": 1|0} per line; repeat for several '
            "(default: the blind sets in devsets/emergency/, run from the project root).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    misses: Annotated[
        int, typer.Option("--misses", help="List up to this many emergencies nothing caught.")
    ] = 10,
) -> None:
    """Emergencies caught and false alarms, for the rules, the learned check and both.

    The learned check reads the vectors of your configured embedder (KEFU_EMBEDDER); it ships
    for the default one only, so with another only the rules are reported.
    """
    from kefu.cli.app import _errors
    from kefu.config import load_settings
    from kefu.guard.emergency_eval import DEFAULT_SETS, evaluate, load_labelled
    from kefu.retrieval.embedders import create_embedder

    with _errors():
        rows = [row for path in (sets or list(DEFAULT_SETS)) for row in load_labelled(path)]
        embedder = create_embedder(load_settings().embedder)
        report = evaluate(rows, embedder, max_misses=misses)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(report)


def _print(report: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from kefu.cli.common import console

    out = console()
    table = Table(
        "detector",
        "language",
        "caught",
        "false alarms",
        "recall",
        "precision",
        "F1",
        title=f"emergencies: {report['rows']} messages, embedder {report['embedder']}",
    )
    for name, per in report["detectors"].items():
        for lang, s in per.items():
            table.add_row(
                name,
                lang,
                f"{s['caught']} / {s['emergencies']}",
                f"{s['false_alarms']} / {s['non_emergencies']}",
                f"{s['recall']:.1%}",
                f"{s['precision']:.1%}",
                f"{s['f1']:.3f}",
            )
    out.print(table)
    if not report["learned_check"]:
        out.print(f"no learned check for the embedder {report['embedder']}: rules only")
    for miss in report["missed"]:
        out.print(f"[yellow]missed[/yellow] ({miss['language']}) {escape(miss['text'])}")
