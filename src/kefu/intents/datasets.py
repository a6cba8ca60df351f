"""Labelled utterances from a plain CSV or from the shared public data sets.

A *data reference* is either a path to a CSV file with ``text`` and ``label`` columns (the
names ``utterance``/``query`` and ``intent``/``category`` are accepted too), or
``NAME:SPLIT`` for a shared data set:

=====================  ===================================================================
``banking77:train``     BANKING77 train.csv (10,003 rows, 77 intents); also ``:test``
``clinc150:train``      CLINC150 full ``train`` + ``oos_train``; also ``:val``, ``:test``.
                        Out-of-scope rows carry the label ``oos``. ``clinc150:train-is``
                        (``val-is``, ``test-is``) leaves the out-of-scope rows out.
``bitext:train``        Bitext customer-service sample, a seeded 80 % of each intent;
                        ``:test`` the other 20 %, ``:all`` everything
=====================  ===================================================================

The shared folder is ``$KEFU_DATASETS``, else ``shared/datasets`` or ``../shared/datasets``
from the working directory.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from kefu.errors import IngestError

OOS_LABEL = "oos"
_TEXT_COLUMNS = ("text", "utterance", "query", "question")
_LABEL_COLUMNS = ("label", "intent", "category")
DATASETS = ("banking77", "clinc150", "bitext")


@dataclass(frozen=True)
class LabelledSet:
    """Utterances and their labels, with where they came from and a hash of the bytes read."""

    texts: list[str]
    labels: list[str]
    source: str
    sha256: str

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def classes(self) -> list[str]:
        return sorted(set(self.labels))


def datasets_root() -> Path | None:
    explicit = os.environ.get("KEFU_DATASETS")
    if explicit:
        return Path(explicit)
    for candidate in (Path("shared/datasets"), Path("../shared/datasets")):
        if candidate.is_dir():
            return candidate.resolve()
    return None


def is_reference(ref: str) -> bool:
    name = ref.split(":", 1)[0].lower()
    return ":" in ref and name in DATASETS and not Path(ref).exists()


def load_labelled(ref: str | Path, *, root: Path | None = None) -> LabelledSet:
    """Load a CSV file or a ``NAME:SPLIT`` reference (see the module docstring)."""
    text = str(ref)
    if not is_reference(text):
        return load_csv(Path(text))
    name, split = text.split(":", 1)
    base = root or datasets_root()
    if base is None or not base.is_dir():
        raise IngestError(text, "the shared data sets folder was not found; set KEFU_DATASETS")
    name, split = name.lower(), split.lower()
    if name == "banking77":
        if split not in ("train", "test"):
            raise IngestError(text, "BANKING77 splits are train and test")
        out = load_csv(base / "banking77" / f"{split}.csv")
        return LabelledSet(out.texts, out.labels, text, out.sha256)
    if name == "clinc150":
        return _clinc(base / "clinc150" / "data_full.json", split, text)
    return _bitext(base / "bitext_cs_8k" / "bitext_cs_8k.csv", split, text)


def load_csv(path: Path) -> LabelledSet:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(str(path), "not UTF-8 text") from exc
    reader = csv.DictReader(content.splitlines())
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    text_col = next((f for f in _TEXT_COLUMNS if f in fields), None)
    label_col = next((f for f in _LABEL_COLUMNS if f in fields), None)
    if text_col is None or label_col is None:
        raise IngestError(str(path), "needs a header with 'text' and 'label' columns")
    texts, labels = [], []
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "") for k, v in row.items()}
        t, lab = row[text_col].strip(), row[label_col].strip()
        if not t or not lab:
            raise IngestError(str(path), "empty text or label", row=n)
        texts.append(t)
        labels.append(lab)
    if not texts:
        raise IngestError(str(path), "no rows")
    return LabelledSet(texts, labels, str(path), hashlib.sha256(raw).hexdigest())


def _clinc(path: Path, split: str, ref: str) -> LabelledSet:
    inscope_only = split.endswith("-is")
    split = split.removesuffix("-is")
    if split not in ("train", "val", "test"):
        raise IngestError(ref, "CLINC150 splits are train, val and test (add -is for in-scope)")
    try:
        raw = path.read_bytes()
        data = json.loads(raw)
    except (OSError, json.JSONDecodeError) as exc:
        raise IngestError(str(path), f"cannot read: {exc}") from exc
    rows = list(data[split]) + ([] if inscope_only else list(data[f"oos_{split}"]))
    texts = [str(t) for t, _ in rows]
    n_inscope = len(data[split])
    # The out-of-scope splits already say "oos"; map anyway, so the label is ours, not theirs.
    labels = [str(lab) if i < n_inscope else OOS_LABEL for i, (_, lab) in enumerate(rows)]
    return LabelledSet(texts, labels, ref, hashlib.sha256(raw).hexdigest())


def _bitext(path: Path, split: str, ref: str) -> LabelledSet:
    if split not in ("train", "test", "all"):
        raise IngestError(ref, "Bitext splits are train, test and all (a seeded 80/20 split)")
    full = load_csv(path)
    if split == "all":
        return LabelledSet(full.texts, full.labels, ref, full.sha256)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(full.labels):
        by_label.setdefault(label, []).append(i)
    rng = random.Random(13)  # fixed: the split must be the same on every machine and run
    chosen: list[int] = []
    for label in sorted(by_label):
        rows = by_label[label][:]
        rng.shuffle(rows)
        cut = round(len(rows) * 0.8)
        chosen += rows[:cut] if split == "train" else rows[cut:]
    chosen.sort()
    return LabelledSet(
        [full.texts[i] for i in chosen], [full.labels[i] for i in chosen], ref, full.sha256
    )
