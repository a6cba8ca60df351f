"""Embed the shared intent data sets into the embedding cache (KEFU_HOME), so that training and
evaluation runs afterwards only read vectors. Usage: python scripts/intents_warm_cache.py [REF...]
"""

from __future__ import annotations

import sys
import time

from kefu.intents.datasets import load_labelled
from kefu.intents.features import embedding_cache, make_embed_fn, prepare

DEFAULT = [
    "banking77:train",
    "clinc150:train",
    "clinc150:val",
    "banking77:test",
    "clinc150:test",
    "bitext:all",
]


def main(refs: list[str]) -> None:
    cache = embedding_cache()
    embed = make_embed_fn()
    for ref in refs:
        data = load_labelled(ref)
        started = time.perf_counter()

        def report(
            label: str, done: int, total: int, ref: str = ref, started: float = started
        ) -> None:
            print(f"{ref}: {done}/{total} {time.perf_counter() - started:.0f}s", flush=True)

        cache.get_many([prepare(t) for t in data.texts], embed, progress=report)
    cache.compact()


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
