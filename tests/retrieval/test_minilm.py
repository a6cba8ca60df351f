"""The numpy MiniLM: its tokenizer and forward pass against the reference implementations
(Hugging Face tokenizers and transformers, part of the training extra), and its file reader."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kefu.retrieval.minilm import MiniLM, WordPiece, model_folder, read_safetensors

TEXTS = [
    "hi, tried to pay with my visa and it just says declined?? there's money on it",
    "Café résumé naïve ÅNGSTRÖM — what's the fee?",
    "我的订单 where is it? 运费多少",
    "order #A-1029/3 (x2) cost $62.40, e-mail: ann@example.com",
    "emoji 😀 and a zero\u200bwidth space, tab\there",
    "",
    "supercalifragilisticexpialidocious " + "x" * 150,
    "word " * 400,  # longer than the 256-token window: truncated
]


@pytest.fixture(scope="module")
def minilm() -> MiniLM:
    return MiniLM()


def test_wordpiece_basic_rules() -> None:
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "hello", ",", "!"]
    wp = WordPiece(vocab)
    # Lower-cased, accents stripped, punctuation split off, greedy longest match.
    assert wp.encode("Unaffable, HÉLLO!") == [2, 4, 5, 6, 8, 7, 9, 3]
    assert wp.encode("unknown") == [2, 1, 3]  # no full cover: one [UNK] for the word
    assert wp.encode("hello " * 10, max_tokens=5) == [2, 7, 7, 7, 3]


@pytest.mark.model
def test_tokenizer_matches_the_reference(minilm: MiniLM) -> None:
    transformers = pytest.importorskip("transformers")
    reference = transformers.AutoTokenizer.from_pretrained(str(model_folder()))
    for text in TEXTS:
        expected = reference(text, truncation=True, max_length=256)["input_ids"]
        assert minilm.tokenizer.encode(text) == expected, text


@pytest.mark.model
def test_vectors_match_the_reference(minilm: MiniLM) -> None:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder = str(model_folder())
    tok = transformers.AutoTokenizer.from_pretrained(folder)
    model = transformers.AutoModel.from_pretrained(folder).eval()
    batch = tok(TEXTS, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    pooled = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)
    ours = minilm.embed(TEXTS)
    np.testing.assert_allclose(ours, pooled.numpy(), atol=1e-5)


@pytest.mark.model
def test_meaning_not_surface(minilm: MiniLM) -> None:
    q, close, far = minilm.embed(
        ["my card payment was declined", "why was my purchase rejected?", "card arrived today"]
    )
    assert q @ close > q @ far


def _write(path: Path, header: dict[str, object], data: bytes) -> Path:
    raw = json.dumps(header).encode()
    path.write_bytes(len(raw).to_bytes(8, "little") + raw + data)
    return path


def test_read_safetensors_reads_float32(tmp_path: Path) -> None:
    values = np.arange(6, dtype="<f4")
    header = {"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}
    out = read_safetensors(_write(tmp_path / "m.safetensors", header, values.tobytes()))
    np.testing.assert_array_equal(out["w"], values.reshape(2, 3))


def test_read_safetensors_maps_only_the_tensors_asked_for(tmp_path: Path) -> None:
    values = np.arange(10, dtype="<f4")
    header = {
        "table": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
        "layer": {"dtype": "F32", "shape": [4], "data_offsets": [24, 40]},
    }
    path = _write(tmp_path / "m.safetensors", header, values.tobytes())
    out = read_safetensors(path, lambda name: name == "table")
    np.testing.assert_array_equal(out["table"], values[:6].reshape(2, 3))
    np.testing.assert_array_equal(out["layer"], values[6:])

    def mapped(a: np.ndarray) -> bool:
        while a.base is not None and not isinstance(a, np.memmap):
            a = a.base  # type: ignore[assignment]
        return isinstance(a, np.memmap)

    assert mapped(out["table"]) and not mapped(out["layer"])
    assert out["layer"].flags.writeable  # a private copy, not a read-only view of the file


def test_read_safetensors_refuses_other_dtypes_and_garbage(tmp_path: Path) -> None:
    header = {"w": {"dtype": "F16", "shape": [2], "data_offsets": [0, 4]}}
    with pytest.raises(ValueError, match="F16"):
        read_safetensors(_write(tmp_path / "h.safetensors", header, b"\0" * 4))
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"\xff" * 16)
    with pytest.raises(ValueError, match="not a safetensors file"):
        read_safetensors(bad)


def test_a_huge_text_is_cut_to_the_window_without_reading_it_all() -> None:
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a"]
    wp = WordPiece(vocab)
    ids = wp.encode("a " * 5_000_000)  # 10 MB: only the first 255 words are split
    assert ids == [2, *[4] * 254, 3]
