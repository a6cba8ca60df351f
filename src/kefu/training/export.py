"""Export a trained Llama-family model to GGUF, so llama.cpp serves it at the base model's speed.

1. Metadata (tokenizer, chat template, special tokens, names) is copied from the base GGUF; the
   shape keys (`llama.*`) are written anew from the trained model's config, so a model of any
   size that shares the base's tokenizer can be exported.
2. Tensors get llama.cpp's names (gguf's TensorNameMap) and q/k rows are permuted the way
   llama.cpp's converter does: it expects the rotary halves interleaved per head, while
   Hugging Face's Llama keeps them in two halves. transformers undid this when it read the
   base GGUF; here it is redone.
3. Written as f16 or f32 (1-D norms always f32, as llama.cpp requires), then optionally
   quantised with llama.cpp itself to the base's type (Q4_1 for the bundled SmolLM2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kefu.errors import ConfigError
from kefu.llm.convert import quantize_gguf

__all__ = ["FTYPES", "export_gguf", "gguf_file_type", "quantize_gguf"]

# Keys that describe the file or the old shapes: never copied from the reference GGUF.
_SKIP_PREFIXES = ("GGUF.", "general.architecture", "general.file_type", "general.quantization")

# llama.cpp's LLAMA_FTYPE_* values for the types kefu writes or quantises to.
FTYPES = {"f32": 0, "f16": 1, "q4_0": 2, "q4_1": 3, "q8_0": 7, "q4_k_m": 15, "q5_k_m": 17}


def permute_qk(weight: Any, n_head: int) -> Any:
    """Hugging Face q/k rows -> llama.cpp order: (heads, 2, half, in) -> (heads, half, 2, in)."""
    rows = weight.shape[0]
    return (
        weight.reshape(n_head, 2, rows // n_head // 2, *weight.shape[1:])
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


def _shape_keys(config: Any) -> dict[str, Any]:
    heads = config.num_attention_heads
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // heads
    rope = getattr(config, "rope_parameters", None) or {}
    theta = rope.get("rope_theta", getattr(config, "rope_theta", 10000.0))
    return {
        "context_length": ("uint32", config.max_position_embeddings),
        "embedding_length": ("uint32", config.hidden_size),
        "block_count": ("uint32", config.num_hidden_layers),
        "feed_forward_length": ("uint32", config.intermediate_size),
        "attention.head_count": ("uint32", heads),
        "attention.head_count_kv": ("uint32", config.num_key_value_heads),
        "rope.dimension_count": ("uint32", head_dim),
        "rope.freq_base": ("float32", float(theta)),
        "attention.layer_norm_rms_epsilon": ("float32", float(config.rms_norm_eps)),
        "vocab_size": ("uint32", config.vocab_size),
    }


def export_gguf(model: Any, out_path: Path, *, reference_gguf: Path, dtype: str = "f16") -> Path:
    """Write `model` (a transformers LlamaForCausalLM) as GGUF with the reference's tokenizer."""
    import gguf
    import numpy as np

    if dtype not in ("f16", "f32"):
        raise ConfigError(f"export dtype must be f16 or f32, got {dtype!r}")
    config = model.config
    if config.model_type not in ("llama",):
        raise ConfigError(f"GGUF export supports Llama-family models, not {config.model_type!r}")
    reader = gguf.GGUFReader(str(reference_gguf))
    arch = str(reader.fields["general.architecture"].contents())
    if arch != "llama":
        raise ConfigError(f"reference GGUF {reference_gguf} is a {arch!r} model, not llama")
    tokens = reader.fields.get("tokenizer.ggml.tokens")
    if tokens is not None and len(tokens.data) != config.vocab_size:
        raise ConfigError(
            f"the model's vocabulary ({config.vocab_size}) differs from {reference_gguf}'s "
            f"({len(tokens.data)}): export needs a reference GGUF with the same tokenizer"
        )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    writer = gguf.GGUFWriter(str(out_path), arch="llama")

    # 1. Metadata: the reference's, less its shapes and file type.
    shape_keys = {f"llama.{k}": v for k, v in _shape_keys(config).items()}
    for f in reader.fields.values():
        if f.name.startswith(_SKIP_PREFIXES) or f.name in shape_keys:
            continue
        vtype = f.types[0]
        sub = f.types[-1] if vtype == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(f.name, f.contents(), vtype, sub_type=sub)
    for key, (kind, value) in shape_keys.items():
        vtype = gguf.GGUFValueType.UINT32 if kind == "uint32" else gguf.GGUFValueType.FLOAT32
        writer.add_key_value(key, value, vtype)
    writer.add_file_type(FTYPES[dtype])

    # 2. Tensors under llama.cpp names, q/k permuted, tied output left out.
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, config.num_hidden_layers)
    tied = bool(getattr(config, "tie_word_embeddings", False))
    for hf_name, tensor in model.state_dict().items():
        if tied and hf_name == "lm_head.weight":
            continue  # llama.cpp reads the output projection from token_embd when absent
        if hf_name.endswith("rotary_emb.inv_freq"):
            continue
        name = names.get_name(hf_name, try_suffixes=(".weight", ".bias"))
        if name is None:
            raise ConfigError(f"no GGUF name for tensor {hf_name!r}")
        data = tensor.detach().float().cpu().numpy()
        if hf_name.endswith("self_attn.q_proj.weight"):
            data = permute_qk(data, config.num_attention_heads)
        elif hf_name.endswith("self_attn.k_proj.weight"):
            data = permute_qk(data, config.num_key_value_heads)
        # 3. Norms and other 1-D tensors stay f32; matrices take the export type.
        data = data.astype(np.float16 if dtype == "f16" and data.ndim > 1 else np.float32)
        writer.add_tensor(name, np.ascontiguousarray(data))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out_path


def gguf_file_type(path: Path) -> int | None:
    """The `general.file_type` (LLAMA_FTYPE_*) recorded in a GGUF file, if any."""
    import gguf

    field = gguf.GGUFReader(str(path)).fields.get("general.file_type")
    return int(field.contents()) if field is not None else None
