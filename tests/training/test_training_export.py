"""GGUF export: names, q/k permutation, metadata; llama.cpp reproduces the trained model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.training.data import QAPair
from kefu.training.encode import encode_pairs, render_prompt
from kefu.training.loop import TrainConfig, train

PAIR = QAPair("How long does a refund take?", "Refunds reach your card within five days.")


def _unpermute(weight: Any, n_head: int) -> Any:
    """transformers' inverse (written independently): llama.cpp rows -> Hugging Face rows."""
    rows = weight.shape[0]
    return (
        weight.reshape(n_head, rows // n_head // 2, 2, *weight.shape[1:])
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


def test_qk_permutation_round_trips_and_interleaves() -> None:
    import numpy as np

    from kefu.training.export import permute_qk

    w = np.arange(2 * 8 * 3).reshape(16, 3)  # 2 heads of dim 8, 3 inputs
    p = permute_qk(w, 2)
    assert np.array_equal(_unpermute(p, 2), w)
    # Per head, rows [0..3] and [4..7] (the two rotary halves) become interleaved pairs.
    assert [int(r) for r in p[:8, 0] // 3] == [0, 4, 1, 5, 2, 6, 3, 7]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory, tokenizer: Any) -> Any:
    """A tiny Llama trained until it answers PAIR's question with PAIR's answer."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=256,
        rms_norm_eps=1e-5,
        rope_theta=10000.0,
        tie_word_embeddings=True,
        bos_token_id=1,
        eos_token_id=2,
        pad_token_id=2,
    )
    examples, _ = encode_pairs(tokenizer, [PAIR], max_length=128)
    model, result = train(
        LlamaForCausalLM(config),
        examples,
        examples,
        TrainConfig(method="full", max_steps=40, batch_size=1, lr=2e-2, eval_every=40),
        out_dir=tmp_path_factory.mktemp("run"),
        pad_id=2,
    )
    assert (
        result.val_loss_after is not None and result.val_loss_after < 0.2
    )  # about 0.06 in practice
    return model.eval()


@pytest.fixture(scope="module")
def exported(trained: Any, bundled_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kefu.training.export import export_gguf

    return export_gguf(
        trained,
        tmp_path_factory.mktemp("gguf") / "tiny-f32.gguf",
        reference_gguf=bundled_gguf,
        dtype="f32",
    )


def test_metadata_comes_from_the_base_and_shapes_from_the_model(
    exported: Path, bundled_gguf: Path
) -> None:
    import gguf

    new, ref = gguf.GGUFReader(str(exported)), gguf.GGUFReader(str(bundled_gguf))

    def value(reader: Any, key: str) -> Any:
        return reader.fields[key].contents()

    assert value(new, "llama.embedding_length") == 32
    assert value(new, "llama.block_count") == 2
    assert value(new, "llama.attention.head_count_kv") == 2
    assert value(new, "llama.rope.dimension_count") == 8
    assert value(new, "general.file_type") == 0
    for key in ("tokenizer.chat_template", "tokenizer.ggml.eos_token_id", "tokenizer.ggml.pre"):
        assert value(new, key) == value(ref, key)
    first = slice(0, 50)  # reading all 49k tokens as Python strings takes seconds
    assert new.fields["tokenizer.ggml.tokens"].contents(first) == ref.fields[
        "tokenizer.ggml.tokens"
    ].contents(first)
    assert len(new.fields["tokenizer.ggml.merges"].data) == len(
        ref.fields["tokenizer.ggml.merges"].data
    )
    names = {t.name for t in new.tensors}
    assert "token_embd.weight" in names and "blk.1.attn_k.weight" in names
    assert "output.weight" not in names  # tied: llama.cpp reuses token_embd


def test_transformers_reads_the_export_back_to_the_same_weights(
    exported: Path, trained: Any
) -> None:
    """transformers undoes the q/k permutation on load: equal weights prove ours is right."""
    import torch
    from transformers import AutoModelForCausalLM

    back = AutoModelForCausalLM.from_pretrained(
        str(exported.parent), gguf_file=exported.name, dtype=torch.float32
    )
    original = trained.state_dict()
    for name, tensor in back.state_dict().items():
        torch.testing.assert_close(tensor, original[name], msg=name)


def test_llama_cpp_greedy_output_matches_the_trained_model(
    exported: Path, trained: Any, tokenizer: Any
) -> None:
    pytest.importorskip("llama_cpp")
    import numpy as np
    import torch

    from kefu.llm.llamacpp import open_llama

    prompt = render_prompt(tokenizer, PAIR.question, None)
    ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        hf = trained.generate(
            torch.tensor([ids]),
            max_new_tokens=16,
            do_sample=False,
            eos_token_id=2,
            pad_token_id=2,
        )[0, len(ids) :].tolist()
        hf_logits = trained(input_ids=torch.tensor([ids])).logits[0].numpy()
    assert tokenizer.decode(hf).startswith(PAIR.answer)  # it learned the answer

    llm = open_llama(
        model_path=str(exported), n_ctx=256, logits_all=True, verbose=False, n_threads=1
    )
    llm.eval(ids)
    cpp_logits = np.array(llm.scores[: len(ids)])
    np.testing.assert_allclose(cpp_logits, hf_logits, atol=2e-3, rtol=1e-3)
    llm.reset()
    got: list[int] = []
    for token in llm.generate(ids, top_k=1, temp=0.0):
        got.append(token)
        if token == 2 or len(got) == len(hf):
            break
    assert got == hf


def test_quantised_to_q4_1_is_smaller_and_still_answers(
    exported: Path, tmp_path: Path, tokenizer: Any
) -> None:
    pytest.importorskip("llama_cpp")
    from kefu.llm.llamacpp import open_llama
    from kefu.training.export import FTYPES, gguf_file_type, quantize_gguf

    out = quantize_gguf(exported, tmp_path / "tiny-q4_1.gguf", ftype=FTYPES["q4_1"])
    assert gguf_file_type(out) == 3
    assert out.stat().st_size < exported.stat().st_size / 2
    llm = open_llama(model_path=str(out), n_ctx=256, verbose=False, n_threads=1)
    ids = tokenizer(render_prompt(tokenizer, PAIR.question, None), add_special_tokens=False)[
        "input_ids"
    ]
    first = next(iter(llm.generate(ids, top_k=1, temp=0.0)))
    assert tokenizer.decode([first]) == tokenizer.decode(
        tokenizer(PAIR.answer, add_special_tokens=False)["input_ids"][:1]
    )


def test_a_model_with_another_vocabulary_is_refused(
    tiny_llama: Callable[..., Any], bundled_gguf: Path, tmp_path: Path
) -> None:
    from transformers import LlamaConfig, LlamaForCausalLM

    from kefu.errors import ConfigError
    from kefu.training.export import export_gguf

    small = LlamaForCausalLM(
        LlamaConfig(
            vocab_size=100,
            hidden_size=16,
            intermediate_size=32,
            num_hidden_layers=1,
            num_attention_heads=2,
            num_key_value_heads=2,
        )
    )
    with pytest.raises(ConfigError, match="vocabulary"):
        export_gguf(small, tmp_path / "x.gguf", reference_gguf=bundled_gguf)
