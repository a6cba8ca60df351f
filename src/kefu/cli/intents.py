"""`kefu train intents` and `kefu eval intents`.

Registered by kefu.cli.train and kefu.cli.eval; every heavy import happens inside a command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kefu.intents.classifier import FitReport, IntentClassifier, IntentConfig
    from kefu.intents.datasets import LabelledSet

_DATA_HELP = (
    "A CSV with text,label columns, or a shared data set as NAME:SPLIT: banking77:train|test, "
    "clinc150:train|val|test (out-of-scope rows labelled oos; add -is for in-scope only), "
    "bitext:train|test|all (seeded 80/20 split). Shared data is read from $KEFU_DATASETS, "
    "else ./shared/datasets or ../shared/datasets."
)
OosOpt = Annotated[
    str, typer.Option("--oos-label", help="The label of out-of-scope rows in your data.")
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed for the held-out split and the model.")]
NoEmbOpt = Annotated[
    bool,
    typer.Option(
        "--no-embeddings",
        help="Word and character n-grams only: no embedding model, faster, less accurate.",
    ),
]

RuleOpt = Annotated[
    str | None,
    typer.Option(
        "--oos-rule",
        help="How the out-of-scope threshold is chosen on validation rows: 'recall' (the lowest "
        "one that catches --oos-recall of the out-of-scope rows) or 'balanced' (best in-scope "
        "accuracy + out-of-scope recall). Default: IntentConfig's (docs/intents.md).",
    ),
]
ScoreOpt = Annotated[
    str | None,
    typer.Option(
        "--oos-score",
        help="What the out-of-scope threshold is on: 'distance' (the best probability and the "
        "distance to the nearest intent; the default, needs embeddings) or 'probability'.",
    ),
]
RecallOpt = Annotated[
    float | None,
    typer.Option(
        "--oos-recall",
        min=0.0,
        max=1.0,
        help="Out-of-scope recall the 'recall' rule aims at on validation rows (default 0.90).",
    ),
]


def _config(
    oos_label: str,
    seed: int,
    no_embeddings: bool,
    oos_rule: str | None = None,
    oos_recall: float | None = None,
    oos_score: str | None = None,
) -> IntentConfig:
    from kefu.cli.common import settings
    from kefu.errors import KefuError
    from kefu.intents.classifier import IntentConfig
    from kefu.intents.oos import OOS_RULES, OOS_SCORES
    from kefu.retrieval.embedders import resolve_embedder_name

    # The resolved name is stored with the model: "auto" could mean another one later.
    embedder = None if no_embeddings else resolve_embedder_name(settings().embedder)
    config = IntentConfig(embedder=embedder, oos_label=oos_label, seed=seed)
    if oos_rule is not None:
        if oos_rule not in OOS_RULES:
            raise KefuError(f"--oos-rule must be {' or '.join(OOS_RULES)}, not {oos_rule!r}")
        config.oos_rule = oos_rule  # checked just above
    if oos_recall is not None:
        config.oos_target_recall = oos_recall
    if oos_score is not None:
        if oos_score not in OOS_SCORES:
            raise KefuError(f"--oos-score must be {' or '.join(OOS_SCORES)}, not {oos_score!r}")
        config.oos_score = oos_score  # checked just above
    return config


def _train(
    config: IntentConfig, data: LabelledSet, val: LabelledSet | None, err: Any
) -> IntentClassifier:
    from kefu.cli.common import progress_bar
    from kefu.intents.classifier import IntentClassifier

    model = IntentClassifier(config)
    with progress_bar(err) as update:
        model.fit(
            data.texts,
            data.labels,
            val_texts=val.texts if val else None,
            val_labels=val.labels if val else None,
            progress=update,
        )
    return model


def train_intents(
    data: Annotated[str, typer.Option("--data", help=_DATA_HELP)],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the model (default: <home>/models/intents)."),
    ] = None,
    val: Annotated[
        str | None,
        typer.Option(
            "--val",
            help="Validation data (same forms as --data) to choose the out-of-scope threshold; "
            "default: a seeded 10 % of --data.",
        ),
    ] = None,
    routes: Annotated[
        Path | None,
        typer.Option(
            "--routes",
            help="CSV (label,route) or JSON ({label: route}) saying what each intent means to "
            "the dialogue: answer, human, emergency, smalltalk or oos; saved as routes.json "
            "in the model folder (unlisted intents: answer).",
        ),
    ] = None,
    oos_label: OosOpt = "oos",
    oos_rule: RuleOpt = None,
    oos_recall: RecallOpt = None,
    oos_score: ScoreOpt = None,
    seed: SeedOpt = 0,
    no_embeddings: NoEmbOpt = False,
) -> None:
    """Train the intent classifier (with out-of-scope detection) from labelled utterances."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, settings
    from kefu.evaluation.record import seed_everything
    from kefu.intents import persist
    from kefu.intents.datasets import load_labelled
    from kefu.intents.routes import check_routes, read_routes_file, save_routes

    err = console(stderr=True)
    with _errors():
        if out is not None:  # before training: a path that would clobber the keys fails fast
            from kefu.cli.outfile import refuse_protected

            refuse_protected(out, settings())
        seed_everything(seed)
        route_map = read_routes_file(routes, oos_label=oos_label) if routes else None
        train_set = load_labelled(data)
        if route_map is not None:
            check_routes(route_map, train_set.classes)  # before the slow part: a typo fails fast
        val_set = load_labelled(val) if val else None
        config = _config(oos_label, seed, no_embeddings, oos_rule, oos_recall, oos_score)
        model = _train(config, train_set, val_set, err)
        folder = out or settings().models_dir / "intents"
        persist.save(model, folder)
        if route_map is not None:
            save_routes(folder, route_map)
        rep = model.report
        assert rep is not None
        recall = "" if rep.val_oos_recall is None else f", out-of-scope recall {rep.val_oos_recall}"
        # With the distance the threshold is on a standardised score, often below zero.
        scored = "score" if model.distance is not None else "probability"
        console().print(
            f"Trained {rep.n_classes} intents on {rep.n_train} utterances in {rep.seconds:.0f} s; "
            f"out-of-scope below {scored} {rep.threshold:.3f} ({rep.threshold_method}; "
            f"validation in-scope accuracy "
            f"{rep.val_inscope_accuracy}{recall}). Saved to {folder}"
        )
        for warning in thin_data_warnings(train_set.labels, rep, oos_label):
            err.print(f"[yellow]warning:[/] {warning}")


# Below these the figures printed after training rest on too few rows to mean much.
_MIN_PER_LABEL = 5
_MIN_VAL_OOS = 10


def thin_data_warnings(labels: Sequence[str], rep: FitReport, oos_label: str) -> list[str]:
    """What an operator should know before trusting the model or its validation figures."""
    from collections import Counter

    out = []
    counts = Counter(labels)
    thin = sorted(
        (n, label) for label, n in counts.items() if n < _MIN_PER_LABEL and label != oos_label
    )
    if thin:
        named = ", ".join(f"{label!r} ({n})" for n, label in thin[:5])
        more = f" and {len(thin) - 5} more" if len(thin) > 5 else ""
        out.append(
            f"{len(thin)} intent(s) have fewer than {_MIN_PER_LABEL} examples: {named}{more}; "
            "they will rarely be recognised."
        )
    if oos_label in counts and rep.n_val and rep.n_val_oos < _MIN_VAL_OOS:
        out.append(
            f"the out-of-scope threshold was chosen on {rep.n_val} validation rows, "
            f"{rep.n_val_oos} of them out of scope: its recall figure says little. "
            "Pass --val with more out-of-scope examples (or add more to --data)."
        )
    elif oos_label not in counts:
        out.append(
            f"no {oos_label!r} rows in the data: the out-of-scope threshold was not checked "
            "against real out-of-scope messages (--oos-label names the label)."
        )
    return out


def eval_intents(
    ctx: typer.Context,
    test: Annotated[str, typer.Option("--test", help="Test data (same forms as --train).")],
    train: Annotated[
        str | None, typer.Option("--train", help="Training data. " + _DATA_HELP)
    ] = None,
    val: Annotated[
        str | None,
        typer.Option("--val", help="Validation data for the threshold (default: 10 % of train)."),
    ] = None,
    model_dir: Annotated[
        Path | None,
        typer.Option("--model", help="Evaluate a model trained earlier instead of --train."),
    ] = None,
    oos_label: OosOpt = "oos",
    oos_rule: RuleOpt = None,
    oos_recall: RecallOpt = None,
    oos_score: ScoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Folder for the report (intents.md, confusion.png, intents.json); the JSON "
            "record goes to <home>/evals/ without it.",
        ),
    ] = None,
    latency: Annotated[
        int, typer.Option("--latency", help="Messages to time one at a time (0: skip).")
    ] = 200,
    seed: SeedOpt = 0,
    no_embeddings: NoEmbOpt = False,
) -> None:
    """Accuracy, macro/per-class precision, recall, F1 and out-of-scope precision/recall on a
    test set, with a confusion matrix and a Markdown report."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, progress_bar, settings
    from kefu.errors import KefuError
    from kefu.evaluation import intents as ev
    from kefu.evaluation.record import (
        build_record,
        click_command_line,
        save_record,
        seed_everything,
    )
    from kefu.intents import persist
    from kefu.intents.datasets import load_labelled

    err = console(stderr=True)
    with _errors():
        if (train is None) == (model_dir is None):
            raise KefuError("give exactly one of --train or --model")
        if report is not None:  # the report folder must not be the keys folder or the database
            from kefu.cli.outfile import refuse_protected

            refuse_protected(report, settings(), "--report")
        seed_everything(seed)
        test_set = load_labelled(test)
        inputs = [test_set]
        if model_dir is not None:
            if oos_rule is not None or oos_recall is not None or oos_score is not None:
                raise KefuError(
                    "--oos-rule, --oos-recall and --oos-score apply to --train, not to --model"
                )
            model = persist.load(model_dir)
            model.config.oos_label = oos_label
        else:
            assert train is not None
            train_set = load_labelled(train)
            val_set = load_labelled(val) if val else None
            inputs += [train_set] + ([val_set] if val_set else [])
            config = _config(oos_label, seed, no_embeddings, oos_rule, oos_recall, oos_score)
            model = _train(config, train_set, val_set, err)
        with progress_bar(err) as update:
            emb = model.embeddings(test_set.texts, progress=update) if model.embeddings else None
        predictions = model.predict(test_set.texts, emb=emb)
        metrics = ev.intent_metrics(test_set.labels, predictions, oos_label=oos_label)
        if model.report is not None:
            metrics["training"] = {
                "seconds": model.report.seconds,
                "threshold": model.report.threshold,
                "threshold_method": model.report.threshold_method,
                "val_inscope_accuracy": model.report.val_inscope_accuracy,
                "val_oos_recall": model.report.val_oos_recall,
                **{f"{k}_seconds": v for k, v in model.report.timings.items()},
            }
        if latency > 0:
            with err.status("Timing single messages…"):
                metrics["latency"] = ev.measure_latency(model, test_set.texts, n=latency)
        data = [{"ref": d.source, "sha256": d.sha256, "rows": len(d)} for d in inputs]
        record = build_record(
            "intents",
            seed=seed,
            data=data,
            metrics=metrics,
            extra={"model": model.describe()},
            command=click_command_line(ctx),
        )
        home = settings().home
        path = save_record(record, report, home)
        if report is not None:
            title = f"Intents: {test_set.source}"
            ev.confusion_png(test_set.labels, predictions, report / "confusion.png", title=title)
            md = ev.markdown_report(
                metrics,
                title=title,
                confusions=ev.top_confusions(test_set.labels, predictions),
                image="confusion.png",
                record=record,
            )
            (report / "intents.md").write_text(md, encoding="utf-8")
        if as_json:
            summary = {k: v for k, v in metrics.items() if k != "per_class"}
            typer.echo(json.dumps({**summary, "record": str(path)}, indent=2))
            return
        _summary_table(metrics, path)


def _summary_table(metrics: dict[str, Any], path: Path) -> None:
    from rich.table import Table

    from kefu.cli.common import console

    table = Table("metric", "value", title="Intent classification")
    for key, value in metrics.items():
        if isinstance(value, dict) and key != "per_class":
            for k, v in value.items():
                table.add_row(f"{key}.{k}", str(v))
        elif not isinstance(value, dict):
            table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out = console()
    out.print(table)
    out.print(f"[dim]Record: {path}[/]")
