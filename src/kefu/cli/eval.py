"""`kefu eval ...`: measure kefu on your own data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Measure retrieval and answering quality.", no_args_is_help=True)


@app.command("faq")
def faq(
    kb: Annotated[
        list[Path],
        typer.Option(
            "--kb",
            help="A knowledge file or folder to load (FAQ CSV, docs); repeat --kb for more "
            "(--kb faq.csv --kb guide.md): all are loaded.",
        ),
    ],
    queries: Annotated[
        Path,
        typer.Option(
            "--queries",
            help='JSONL: {"query": "...", "expected": "<entry id>"} or "expected": null. '
            "An empty query, or an expected id that --kb does not have, is an error.",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    rows: Annotated[
        Path | None,
        typer.Option(
            "--rows",
            help="Also write one JSON line per query (verdict right / wrong / declined / "
            "declined_ok, confidence, the top 5 entry ids) to this file.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Recall@1/@5, MRR and how well unanswerable questions are declined, per language.

    The knowledge is loaded into a temporary KEFU_HOME, so your own knowledge base is untouched.
    Scored on retrieval and confidence: an answer the language model then phrases is not read
    (`kefu eval answers` does that).
    """
    import tempfile

    from kefu.cli.app import _errors
    from kefu.cli.common import console, progress_bar
    from kefu.config import load_settings
    from kefu.dialogue.confidence import ConfidenceModel
    from kefu.errors import KefuError
    from kefu.evaluation.faq import (
        check_expected,
        load_queries,
        result_rows,
        run_queries,
        summarize,
    )
    from kefu.knowledge.base import KnowledgeBase

    err = console(stderr=True)
    with _errors(), tempfile.TemporaryDirectory(prefix="kefu-eval-") as home:
        qs = load_queries(queries)
        base = load_settings()
        settings = base.model_copy(update={"home": Path(home), "database_url": None})
        knowledge = KnowledgeBase(settings)
        with progress_bar(err) as update:
            report = knowledge.add(kb, progress=update)
        if not report.ok:
            raise KefuError("; ".join(message for _, message in report.failed))
        loaded = ", ".join(str(path) for path in kb)
        check_expected(queries, qs, {e.id for e in knowledge.entries()}, loaded)
        confidence = ConfidenceModel.load(embedder=base.embedder)
        # `is None`, not `or`: a configured threshold of 0.0 is a real setting.
        configured = base.curated_threshold
        threshold = confidence.curated_threshold if configured is None else configured
        with progress_bar(err) as update:
            results = []
            for n, q in enumerate(qs, start=1):
                results += run_queries(knowledge.search, confidence.predict, [q])
                update("queries", n, len(qs))
        metrics = summarize(results, threshold)
        metrics["threshold"] = threshold
        if rows is not None:
            lines = [json.dumps(row, ensure_ascii=False) for row in result_rows(results, threshold)]
            try:
                rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
            except OSError as exc:
                raise KefuError(f"cannot write {rows}: {exc.strerror or exc}") from exc
            err.print(f"wrote {len(lines)} rows to {rows}")
        if as_json:
            typer.echo(json.dumps(metrics, ensure_ascii=False, indent=2))
            return
        _table(metrics)


def _table(metrics: dict[str, object]) -> None:
    from rich.table import Table

    from kefu.cli.common import console

    groups = [k for k in metrics if isinstance(metrics[k], dict)]
    table = Table("metric", *groups, title=f"threshold {metrics['threshold']:.2f}")
    first = metrics[groups[0]]
    assert isinstance(first, dict)
    for key in first:
        row = []
        for g in groups:
            value = metrics[g]
            assert isinstance(value, dict)
            v = value.get(key, "")
            row.append(f"{v:.3f}" if isinstance(v, float) else str(v))
        table.add_row(key, *row)
    console().print(table)


# The intent evaluation lives in kefu.cli.intents beside `kefu train intents`.
from kefu.cli.answers import eval_answers  # noqa: E402
from kefu.cli.intents import eval_intents  # noqa: E402

app.command("intents")(eval_intents)
app.command("answers")(eval_answers)

# The red-team evaluation lives in kefu.cli.redteam.
from kefu.cli.redteam import eval_redteam  # noqa: E402

app.command("redteam")(eval_redteam)

# How many emergencies the rules and the learned check catch: kefu.cli.emergency.
from kefu.cli.emergency import eval_emergency  # noqa: E402

app.command("emergency")(eval_emergency)
