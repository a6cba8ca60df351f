"""Loading labelled utterances from CSV files and from the shared data sets' layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kefu.errors import IngestError
from kefu.intents.datasets import datasets_root, is_reference, load_labelled


def test_csv_with_text_and_label(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text('\ufefftext,label\n"Hi, where is my card?",card\n退货,return\n', "utf-8")
    data = load_labelled(path)
    assert data.texts == ["Hi, where is my card?", "退货"]
    assert data.labels == ["card", "return"]
    assert len(data.sha256) == 64 and data.classes == ["card", "return"]


def test_csv_accepts_other_column_names(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("utterance,category\nhello,greet\n", "utf-8")
    assert load_labelled(str(path)).labels == ["greet"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("question,answer\nq,a\n", "'text' and 'label'"),
        ("text,label\n", "no rows"),
        ("text,label\nhello,\n", "row 2"),
    ],
)
def test_bad_csv_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(IngestError, match=message):
        load_labelled(path)


def _fake_root(tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    (root / "clinc150").mkdir(parents=True)
    data = {
        "train": [["set an alarm", "alarm"], ["what's my balance", "balance"]],
        "oos_train": [["who is the president", "oos"]],
        "val": [["wake me at 7", "alarm"]],
        "oos_val": [["sing a song", "oos"]],
        "test": [["balance please", "balance"]],
        "oos_test": [["how tall is a giraffe", "oos"]],
    }
    (root / "clinc150" / "data_full.json").write_text(json.dumps(data), "utf-8")
    (root / "bitext_cs_8k").mkdir()
    rows = ["flags,utterance,category,intent"]
    rows += [f"B,cancel order {i},ORDER,cancel_order" for i in range(10)]
    rows += [f"B,track order {i},ORDER,track_order" for i in range(5)]
    (root / "bitext_cs_8k" / "bitext_cs_8k.csv").write_text("\n".join(rows), "utf-8")
    return root


def test_clinc_reference_maps_out_of_scope_rows(tmp_path: Path) -> None:
    root = _fake_root(tmp_path)
    train = load_labelled("clinc150:train", root=root)
    assert train.labels == ["alarm", "balance", "oos"]
    assert load_labelled("clinc150:train-is", root=root).labels == ["alarm", "balance"]
    assert load_labelled("clinc150:test", root=root).texts[-1] == "how tall is a giraffe"
    with pytest.raises(IngestError, match="splits"):
        load_labelled("clinc150:dev", root=root)


def test_bitext_split_is_seeded_disjoint_and_complete(tmp_path: Path) -> None:
    root = _fake_root(tmp_path)
    train = load_labelled("bitext:train", root=root)
    test = load_labelled("bitext:test", root=root)
    assert not set(train.texts) & set(test.texts)
    assert len(train) + len(test) == len(load_labelled("bitext:all", root=root)) == 15
    assert test.labels.count("cancel_order") == 2 and test.labels.count("track_order") == 1
    assert load_labelled("bitext:train", root=root).texts == train.texts


def test_reference_needs_the_shared_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_DATASETS", str(tmp_path / "absent"))
    assert is_reference("banking77:train")
    with pytest.raises(IngestError, match="KEFU_DATASETS"):
        load_labelled("banking77:train")
    assert datasets_root() == tmp_path / "absent"
