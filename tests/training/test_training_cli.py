"""`kefu train llm` end to end on a tiny base GGUF, and `kefu models add/remove/bench`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app


@pytest.fixture
def tiny_base(
    tiny_llama: Callable[..., Any], tokenizer: Any, bundled_gguf: Path, tmp_path: Path
) -> Path:
    """A randomly initialised tiny Llama as a Hugging Face folder with the bundled tokenizer.

    It names the bundled GGUF as its origin, as a folder written by `kefu train llm` does, so
    that export can take the tokenizer metadata from there.
    """
    folder = tmp_path / "tiny-base"
    tiny_llama().save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    (folder / "kefu_base_gguf.txt").write_text(str(bundled_gguf), encoding="utf-8")
    return folder


@pytest.fixture
def tiny_gguf(tiny_llama: Callable[..., Any], bundled_gguf: Path, tmp_path: Path) -> Path:
    from kefu.training.export import export_gguf

    return export_gguf(
        tiny_llama(), tmp_path / "tiny.gguf", reference_gguf=bundled_gguf, dtype="f32"
    )


def _invoke(args: list[str]) -> Any:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def test_train_llm_trains_exports_and_registers(
    train_env: Path, tiny_base: Path, bundled_gguf: Path, faq_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "run"
    result = _invoke(
        [
            "train",
            "llm",
            "--data",
            str(faq_csv),
            "--out",
            str(out),
            "--base",
            str(tiny_base),
            "--method",
            "full",
            "--max-steps",
            "4",
            "--batch-size",
            "2",
            "--lr",
            "1e-2",
            "--val-fraction",
            "0.25",
            "--register",
            "shopco",
            "--json",
        ]
    )
    summary = json.loads(result.stdout)
    assert summary["steps"] == 4 and summary["method"] == "full"
    assert summary["train_items"] + summary["val_items"] == 4 and summary["val_items"] >= 1
    assert summary["val_loss_after"] < summary["val_loss_before"]
    # Quantised to the type of the GGUF the base came from: the bundled Q4_1.
    assert set(summary["files"]) == {"hf", "f16", "q4_1"}
    assert (out / "model" / "config.json").is_file()
    assert (out / "model" / "kefu_base_gguf.txt").read_text() == str(bundled_gguf)
    assert json.loads((out / "metrics.json").read_text())["steps"] == 4
    # Registered: listed by `kefu models`, and selected by llm_model = NAME.
    models = json.loads(_invoke(["models", "--json"]).stdout)["models"]
    mine = next(m for m in models if m["name"] == "shopco")
    assert mine["path"] == str((out / "model-q4_1.gguf").resolve())
    assert mine["size_bytes"] > 0 and mine["tokens_per_s"] is None

    from kefu.config import load_settings
    from kefu.llm.registry import create_chat_model

    model = create_chat_model(load_settings(llm_backend="llamacpp", llm_model="shopco"))
    assert model.info.path == mine["path"]
    # Trained from a GGUF file kefu cannot vouch for: the default languages of a chosen model.
    assert tuple(model.info.languages) == ("en", "zh")


def test_continued_pretraining_on_documents(
    train_env: Path, tiny_base: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        (docs / f"policy{i}.md").write_text(
            f"# Policy {i}\n\nReturns are accepted within {30 + i} days of delivery.\n",
            encoding="utf-8",
        )
    out = tmp_path / "clm"
    result = _invoke(
        [
            "train",
            "llm",
            "--data",
            str(docs),
            "--out",
            str(out),
            "--base",
            str(tiny_base),
            "--objective",
            "clm",
            "--method",
            "lora",
            "--max-steps",
            "2",
            "--max-length",
            "32",
            "--val-fraction",
            "0.25",
            "--no-export",
            "--json",
        ]
    )
    summary = json.loads(result.stdout)
    assert summary["objective"] == "clm" and summary["method"] == "lora"
    assert summary["train_items"] >= 1 and summary["val_items"] >= 1
    assert set(summary["files"]) == {"hf"}


def test_bad_input_is_one_red_line(train_env: Path, tmp_path: Path) -> None:
    doc = tmp_path / "notes.md"
    doc.write_text("# Notes\n\nNo pairs here.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["train", "llm", "--data", str(doc), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "question/answer pairs" in result.stderr and "Traceback" not in result.output
    result = CliRunner().invoke(
        app, ["train", "llm", "--out", str(tmp_path / "o"), "--method", "qlora"]
    )
    assert result.exit_code == 1 and "lora or full" in result.stderr


def test_models_add_bench_remove(train_env: Path, tiny_gguf: Path, tmp_path: Path) -> None:
    pytest.importorskip("llama_cpp")
    _invoke(["models", "add", "tiny", str(tiny_gguf), "--languages", "en"])
    bad = CliRunner().invoke(app, ["models", "add", "../evil", str(tiny_gguf)])
    assert bad.exit_code == 1 and "model name" in bad.stderr
    notgguf = tmp_path / "x.gguf"
    notgguf.write_text("hello")
    bad = CliRunner().invoke(app, ["models", "add", "x", str(notgguf)])
    assert bad.exit_code == 1 and "not a GGUF" in bad.stderr

    _invoke(["models", "bench", "tiny", "--tokens", "16"])
    listed = json.loads(_invoke(["models", "--json"]).stdout)["models"]
    tiny = next(m for m in listed if m["name"] == "tiny")
    assert tiny["tokens_per_s"] > 0 and tiny["memory_mb"] is not None
    table = _invoke(["models"]).stdout
    assert "tiny" in table and "tokens/s" in table

    _invoke(["models", "remove", "tiny"])
    listed = json.loads(_invoke(["models", "--json"]).stdout)["models"]
    assert "tiny" not in [m["name"] for m in listed]
    missing = CliRunner().invoke(app, ["models", "remove", "tiny"])
    assert missing.exit_code == 1


def test_a_gguf_base_loads_back_as_the_model_it_was_written_from(
    tiny_gguf: Path, tiny_llama: Callable[..., Any], capsys: pytest.CaptureFixture[str]
) -> None:
    import torch

    from kefu.training.loading import load_base, resolve_base

    spec = resolve_base(str(tiny_gguf))
    assert spec.gguf == tiny_gguf and spec.hf_dir is None
    model, tokenizer = load_base(spec)
    assert tokenizer.eos_token == "<|im_end|>" and tokenizer.chat_template
    assert not hasattr(model.config, "quantization_config")
    expected = tiny_llama().state_dict()  # the same seed as the exported one
    for name, tensor in model.state_dict().items():
        torch.testing.assert_close(tensor, expected[name], msg=name)
    assert "de-quantizing" not in capsys.readouterr().err  # no second progress bar
