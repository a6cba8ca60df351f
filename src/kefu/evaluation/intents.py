"""Intent evaluation: accuracy, macro and per-class precision/recall/F1 (scikit-learn's
metrics), out-of-scope precision and recall, per-message latency, a confusion-matrix PNG and a
Markdown report.

Two accuracies are reported because the literature uses both: ``inscope_accuracy`` (CLINC150's
"in-scope accuracy": an in-scope message rejected as out-of-scope is an error) and
``closed_set_accuracy`` (BANKING77's: the best in-scope intent, no rejection).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kefu.intents.classifier import IntentClassifier, Prediction


def intent_metrics(
    gold: Sequence[str], predictions: Sequence[Prediction], *, oos_label: str = "oos"
) -> dict[str, Any]:
    from sklearn.metrics import (
        accuracy_score,
        classification_report,
        precision_recall_fscore_support,
    )

    pred = [p.label for p in predictions]
    inscope = [i for i, g in enumerate(gold) if g != oos_label]
    macro = precision_recall_fscore_support(gold, pred, average="macro", zero_division=0)
    report = classification_report(gold, pred, output_dict=True, zero_division=0)
    per_class = {
        k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score", "support")}
        for k, v in report.items()
        if isinstance(v, dict) and k not in ("macro avg", "weighted avg", "micro avg")
    }
    out: dict[str, Any] = {
        "rows": len(gold),
        "inscope_rows": len(inscope),
        "oos_rows": len(gold) - len(inscope),
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "inscope_accuracy": _share(pred[i] == gold[i] for i in inscope),
        "closed_set_accuracy": _share(predictions[i].intent == gold[i] for i in inscope),
        "rejected_inscope": _share(pred[i] == oos_label for i in inscope),
        "macro_precision": round(float(macro[0]), 4),
        "macro_recall": round(float(macro[1]), 4),
        "macro_f1": round(float(macro[2]), 4),
    }
    if out["oos_rows"] or oos_label in pred:
        p, r, f, _ = precision_recall_fscore_support(
            gold, pred, labels=[oos_label], average=None, zero_division=0
        )
        out.update(oos_precision=round(float(p[0]), 4), oos_recall=round(float(r[0]), 4))
        out["oos_f1"] = round(float(f[0]), 4)
    out["per_class"] = per_class
    return out


def _share(flags: Any) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else 0.0


def measure_latency(
    model: IntentClassifier, texts: Sequence[str], *, n: int = 200
) -> dict[str, float]:
    """Per-message latency of ``predict_one`` on ``n`` texts, one at a time and without the
    embedding cache, as a live message would be; plus the classifier alone on a given vector."""
    import numpy as np

    sample = list(texts[:n])
    emb = model.embeddings
    embed = emb.embed if emb is not None else None
    model.warm_up()
    total, head = [], []
    for text in sample:
        t0 = time.perf_counter()
        vec = embed([text]) if embed is not None else None
        t1 = time.perf_counter()
        model.predict([text], emb=vec)
        t2 = time.perf_counter()
        total.append((t2 - t0) * 1000.0)
        head.append((t2 - t1) * 1000.0)
    return {
        "messages": len(sample),
        "p50_ms": round(float(np.percentile(total, 50)), 3),
        "p95_ms": round(float(np.percentile(total, 95)), 3),
        "classifier_p50_ms": round(float(np.percentile(head, 50)), 3),
        "classifier_p95_ms": round(float(np.percentile(head, 95)), 3),
    }


def top_confusions(
    gold: Sequence[str], predictions: Sequence[Prediction], k: int = 15
) -> list[tuple[str, str, int]]:
    pairs = Counter((g, p.label) for g, p in zip(gold, predictions, strict=True) if g != p.label)
    return [(g, p, n) for (g, p), n in pairs.most_common(k)]


def confusion_png(
    gold: Sequence[str], predictions: Sequence[Prediction], path: Path, *, title: str
) -> Path:
    """Row-normalised confusion matrix; labels sorted, out-of-scope last."""
    try:
        import matplotlib
    except ImportError as exc:
        from kefu.errors import MissingDependency

        raise MissingDependency(
            "matplotlib", extra="eval", purpose="confusion-matrix images"
        ) from exc
    matplotlib.use("Agg")  # no display on a server, and no window during tests
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.metrics import confusion_matrix

    pred = [p.label for p in predictions]
    labels = sorted(set(gold) | set(pred), key=lambda x: (x == "oos", x))
    cm = confusion_matrix(gold, pred, labels=labels).astype(np.float64)
    sums = cm.sum(axis=1, keepdims=True)
    sums[sums == 0] = 1.0
    size = min(4 + 0.12 * len(labels), 24)
    fig, ax = plt.subplots(figsize=(size, size), dpi=100)
    ax.imshow(cm / sums, cmap="Blues", vmin=0.0, vmax=1.0, interpolation="nearest")
    font = max(3.0, min(9.0, 500.0 / max(len(labels), 1)))
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=font)
    ax.set_yticks(range(len(labels)), labels, fontsize=font)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def markdown_report(
    metrics: dict[str, Any],
    *,
    title: str,
    confusions: list[tuple[str, str, int]],
    image: str | None,
    record: dict[str, Any],
) -> str:
    keys = [
        "rows",
        "inscope_rows",
        "oos_rows",
        "accuracy",
        "inscope_accuracy",
        "closed_set_accuracy",
        "rejected_inscope",
        "macro_precision",
        "macro_recall",
        "macro_f1",
        "oos_precision",
        "oos_recall",
        "oos_f1",
    ]
    lines = [f"# {title}", "", f"Command: `{record.get('command', '')}`", ""]
    lines += ["| metric | value |", "|---|---|"]
    lines += [f"| {k} | {metrics[k]} |" for k in keys if k in metrics]
    for section in ("training", "latency"):
        if isinstance(metrics.get(section), dict):
            lines += ["", f"## {section.capitalize()}", "", "| | |", "|---|---|"]
            lines += [f"| {k} | {v} |" for k, v in metrics[section].items()]
    per_class = metrics.get("per_class", {})
    worst = sorted(per_class.items(), key=lambda kv: kv[1]["f1-score"])[:15]
    lines += ["", "## Weakest classes (F1)", "", "| class | precision | recall | F1 | support |"]
    lines += ["|---|---|---|---|---|"]
    for name, m in worst:
        lines.append(
            f"| {name} | {m['precision']} | {m['recall']} | {m['f1-score']} | {int(m['support'])} |"
        )
    lines += [
        "",
        "## Most frequent confusions",
        "",
        "| true | predicted | count |",
        "|---|---|---|",
    ]
    lines += [f"| {g} | {p} | {n} |" for g, p, n in confusions]
    if image:
        lines += ["", "## Confusion matrix", "", f"![confusion matrix]({image})"]
    lines += ["", "## Data", ""]
    lines += [f"- `{d['ref']}`: {d['rows']} rows, sha256 `{d['sha256']}`" for d in record["data"]]
    versions = ", ".join(f"{k} {v}" for k, v in record["versions"].items() if v)
    lines += ["", f"Seed {record['seed']}; {versions}.", ""]
    return "\n".join(lines)
