"""Decode speed of GGUF files against the bundled base, measured interleaved in one process.

    .venv/bin/python scripts/compare_decode.py EXPORT.gguf [MORE.gguf ...] [--runs 5] [--tokens 96]

Runs alternate between the models (base, A, B, base, A, B, ...) so that a busy moment on the
machine hits every model alike; each figure is the median tokens/s of greedy decoding after the
same prompt, with one thread, as kefu runs the bundled model. Prints each ratio to the base.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", type=Path, help="GGUF files to compare")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=96)
    args = parser.parse_args()

    from kefu.llm.bundled import bundled_gguf_path
    from kefu.llm.llamacpp import open_llama

    files = {"base (bundled)": bundled_gguf_path(), **{str(p): p for p in args.models}}
    llms = {
        name: open_llama(
            model_path=str(path), n_ctx=512, n_threads=1, n_threads_batch=1, verbose=False
        )
        for name, path in files.items()
    }
    prompt = "<|im_start|>user\nHow long does a refund take?<|im_end|>\n<|im_start|>assistant\n"
    rates: dict[str, list[float]] = {name: [] for name in files}
    for _ in range(args.runs):
        for name, llm in llms.items():
            llm.reset()
            llm.eval(llm.tokenize(prompt.encode()))
            started = time.perf_counter()
            token = llm.sample(temp=0.0)
            for _ in range(args.tokens):
                llm.eval([token])
                token = llm.sample(temp=0.0)
            rates[name].append(args.tokens / (time.perf_counter() - started))
    base = statistics.median(rates["base (bundled)"])
    for name, values in rates.items():
        median = statistics.median(values)
        print(f"{name}: {median:.1f} tok/s (x{median / base:.3f} of base); runs {values}")


if __name__ == "__main__":
    main()
