"""`kefu eval answers`: generated answers against reference answers (docs/intents.md).

Registered by kefu.cli.eval; every heavy import happens inside the command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from kefu.cli.intents import SeedOpt


def eval_answers(
    ctx: typer.Context,
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help='JSONL: {"question", "reference"} and optionally "answer" with "sources" (entry '
            'ids) or "contexts" (texts); rows without "answer" are put to the Assistant.',
        ),
    ],
    kb: Annotated[
        list[Path] | None,
        typer.Option("--kb", help="Knowledge file(s) the Assistant answers from (repeatable)."),
    ] = None,
    regenerate: Annotated[
        bool, typer.Option("--regenerate", help="Ask the Assistant even where a row has an answer.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report", help="Folder for answers.json (record) and answers.jsonl (per row)."
        ),
    ] = None,
    seed: SeedOpt = 0,
) -> None:
    """ROUGE-L, embedding similarity and groundedness of answers against reference answers.

    The knowledge is loaded into a temporary KEFU_HOME (your own is untouched) and the model
    samples at temperature 0, so a run can be repeated.
    """
    import tempfile

    from kefu.cli.app import _errors
    from kefu.cli.common import console, progress_bar, settings
    from kefu.errors import KefuError
    from kefu.evaluation import answers as ev
    from kefu.evaluation.record import (
        build_record,
        click_command_line,
        save_record,
        seed_everything,
    )
    from kefu.knowledge.base import KnowledgeBase

    err = console(stderr=True)
    with _errors(), tempfile.TemporaryDirectory(prefix="kefu-eval-") as home:
        if report is not None:  # the report folder must not be the keys folder or the database
            from kefu.cli.outfile import refuse_protected

            refuse_protected(report, settings(), "--report")
        seed_everything(seed)
        cases = ev.load_cases(data)
        ask = regenerate or any(c.answer is None for c in cases)
        cites = any(c.sources for c in cases)
        if (ask or cites) and not kb:
            raise KefuError("give --kb: the Assistant (or the cited sources) needs knowledge")
        base = settings()
        tmp = base.model_copy(
            update={"home": Path(home), "database_url": None, "llm_temperature": 0.0}
        )
        knowledge = KnowledgeBase(tmp)
        if kb:
            with progress_bar(err) as update:
                added = knowledge.add(kb, progress=update)
            if not added.ok:
                raise KefuError("; ".join(message for _, message in added.failed))
        assistant = None
        if ask:
            from kefu.dialogue.assistant import Assistant

            assistant = Assistant(tmp, kb=knowledge)
            with err.status("Loading the models…"):
                assistant.warm_up()
        rows = []
        with progress_bar(err) as update:
            for n, case in enumerate(cases, start=1):
                if assistant is not None and (regenerate or case.answer is None):
                    reply = assistant.ask(case.question)
                    ids = [s.id for s in reply.sources]
                    text, handoff = reply.text, reply.handoff
                    mode: str = reply.mode
                else:
                    ids, text, mode, handoff = case.sources, case.answer or "", "given", False
                texts = list(case.contexts)
                for entry_id in ids:
                    entry = knowledge.entry(entry_id)
                    texts.append(f"{entry.title}\n{entry.display_text}")
                rows.append((case, text, ids, texts, mode, handoff))
                update("answers", n, len(cases))
        embedder = knowledge.embedder
        scored = ev.score_answers(rows, embed=embedder.embed_queries, tokenizer=knowledge.tokenizer)
        metrics = ev.summarize_answers(scored)
        metrics["embedder"] = embedder.name
        if assistant is not None:
            metrics["llm"] = assistant.llm.info.name
        inputs = [data, *(kb or [])]
        record = build_record(
            "answers",
            seed=seed,
            data=[_file_digest(p) for p in inputs],
            metrics=metrics,
            command=click_command_line(ctx),
        )
        path = save_record(record, report, base.home)
        if report is not None:
            lines = [json.dumps(ev.scored_row(s), ensure_ascii=False) for s in scored]
            (report / "answers.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if as_json:
            typer.echo(json.dumps({**metrics, "record": str(path)}, ensure_ascii=False, indent=2))
            return
        _answers_table(metrics, path)


def _file_digest(path: Path) -> dict[str, Any]:
    import hashlib

    from kefu.errors import IngestError

    # A --kb folder (as `kb add` takes) is hashed file by file, in name order: the record
    # names exactly the knowledge the answers came from.
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    digest, rows = hashlib.sha256(), 0
    for file in files:
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise IngestError(str(file), f"cannot read: {exc.strerror or exc}") from exc
        if path.is_dir():
            digest.update(str(file.relative_to(path)).encode("utf-8") + b"\0")
        digest.update(raw)
        rows += raw.count(b"\n")
    return {"ref": str(path), "sha256": digest.hexdigest(), "rows": rows}


def _answers_table(metrics: dict[str, Any], path: Path) -> None:
    from rich.table import Table

    from kefu.cli.common import console

    groups = [k for k, v in metrics.items() if isinstance(v, dict) and "answers" in v]
    table = Table("metric", *groups, title="Answer quality")
    for key in ("answers", "rouge_l", "similarity", "groundedness", "handoff_rate"):
        table.add_row(key, *(str(metrics[g][key]) for g in groups))
    out = console()
    out.print(table)
    out.print(f"[dim]Record: {path}[/]")
