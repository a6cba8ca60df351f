"""kefu.llm.convert: the bundled Q4_1 model re-encoded as Q8_0, once, with a safe fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.config import load_settings
from kefu.errors import ConfigError
from kefu.llm import convert
from kefu.llm.llamacpp import LlamaCppModel
from kefu.llm.registry import create_chat_model


def _next_token_choices(path: Path, text: str) -> list[int]:
    import numpy as np

    from kefu.llm.llamacpp import open_llama

    llm = open_llama(model_path=str(path), n_ctx=256, logits_all=True, verbose=False, seed=0)
    tokens = llm.tokenize(text.encode())
    llm.eval(tokens)
    choices = np.asarray(llm.scores[: len(tokens)]).argmax(axis=1).tolist()
    llm.close()
    return [int(c) for c in choices]


@pytest.mark.model
def test_bundled_model_is_reencoded_once_and_predicts_like_the_original(
    tmp_path: Path, bundled_gguf: Path
) -> None:
    source = bundled_gguf
    target = convert.convert_gguf(source, tmp_path)
    assert target.parent == tmp_path and ".Q8_0." in target.name
    assert target.read_bytes()[:4] == b"GGUF"
    # 8-bit blocks take about twice the room of 4-bit ones.
    assert 1.3 < target.stat().st_size / source.stat().st_size < 2.2
    stamp = target.stat().st_mtime_ns
    assert convert.convert_gguf(source, tmp_path) == target  # the cache, not a second run
    assert target.stat().st_mtime_ns == stamp
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # The same model: the most likely next token agrees almost everywhere.
    text = (
        "Refunds go back to the card you paid with. They usually arrive within five to seven "
        "business days after the warehouse receives your parcel, and we email you when it ships."
    )
    original, reencoded = _next_token_choices(source, text), _next_token_choices(target, text)
    agree = sum(a == b for a, b in zip(original, reencoded, strict=True)) / len(original)
    assert agree >= 0.9, agree


def test_a_failed_conversion_serves_the_original_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    llama_cpp = pytest.importorskip("llama_cpp")
    source = tmp_path / "model.gguf"
    source.write_bytes(b"GGUF" + b"\0" * 64)
    monkeypatch.setattr(llama_cpp, "llama_model_quantize", lambda *args: 1)
    folder = tmp_path / "converted"
    with pytest.raises(ConfigError, match="could not re-encode"):
        convert.convert_gguf(source, folder)
    assert convert.prepared_gguf(source, folder, "q8_0") == source
    assert list(folder.iterdir()) == []


def test_formats_that_name_the_shipped_file_are_served_as_is(tmp_path: Path) -> None:
    source = tmp_path / "model.gguf"
    source.write_bytes(b"GGUF")
    for fmt in (None, "q4_1"):
        assert convert.prepared_gguf(source, tmp_path / "converted", fmt) == source
    assert not (tmp_path / "converted").exists()
    with pytest.raises(ConfigError, match="unknown GGUF format"):
        convert.convert_gguf(source, tmp_path, "q2_k")


def test_registry_reencodes_only_the_bundled_model(tmp_path: Path, bundled_gguf: Path) -> None:
    bundled = create_chat_model(load_settings(home=tmp_path))
    assert isinstance(bundled, LlamaCppModel)
    assert bundled.reencode == "q8_0"
    assert bundled.reencode_dir == tmp_path / "models" / "converted"
    shipped = create_chat_model(load_settings(home=tmp_path, llm_bundled_format="q4_1"))
    assert isinstance(shipped, LlamaCppModel) and shipped.reencode is None
    own = tmp_path / "own.gguf"
    own.write_bytes(b"GGUF")
    user_model = create_chat_model(load_settings(home=tmp_path, llm_model=str(own)))
    assert isinstance(user_model, LlamaCppModel) and user_model.reencode is None
