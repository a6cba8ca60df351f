"""The embedding cache embeds each text once, across instances, and survives a bad shard."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kefu.intents.cache import EmbeddingCache


class CountingEmbed:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return np.array([[len(t), ord(t[0]), 1.0] for t in texts], dtype=np.float32)


def test_embeds_only_unseen_texts_and_keeps_order(tmp_path: Path) -> None:
    embed = CountingEmbed()
    cache = EmbeddingCache(tmp_path / "c")
    first = cache.get_many(["a", "bb", "a"], embed, batch_size=1)
    assert embed.seen == ["a", "bb"]  # the repeated "a" is embedded once
    assert first[:, 0].tolist() == [1.0, 2.0, 1.0]
    again = EmbeddingCache(tmp_path / "c").get_many(["bb", "ccc"], embed)
    assert embed.seen == ["a", "bb", "ccc"]  # a new instance reads the shards from disk
    assert again[:, 0].tolist() == [2.0, 3.0]


def test_progress_reports_the_texts_to_embed(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    EmbeddingCache(tmp_path).get_many(
        ["x", "y", "z"], CountingEmbed(), batch_size=2, progress=lambda *a: calls.append(a)
    )
    assert calls == [("embedding", 0, 3), ("embedding", 2, 3), ("embedding", 3, 3)]


def test_compact_merges_shards_without_losing_vectors(tmp_path: Path) -> None:
    embed = CountingEmbed()
    cache = EmbeddingCache(tmp_path)
    before = cache.get_many(["a", "bb", "ccc"], embed, batch_size=1)
    assert len(list(tmp_path.glob("*.npz"))) == 3
    cache.compact()
    assert len(list(tmp_path.glob("*.npz"))) == 1
    after = EmbeddingCache(tmp_path).get_many(["a", "bb", "ccc"], embed)
    np.testing.assert_array_equal(before, after)
    assert len(embed.seen) == 3


def test_a_truncated_shard_is_ignored(tmp_path: Path) -> None:
    embed = CountingEmbed()
    EmbeddingCache(tmp_path).get_many(["a"], embed)
    (tmp_path / "broken.npz").write_bytes(b"PK\x03\x04 not really")
    out = EmbeddingCache(tmp_path).get_many(["a", "b"], embed)
    assert embed.seen == ["a", "b"] and out.shape == (2, 3)
