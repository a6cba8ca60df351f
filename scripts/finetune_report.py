"""Does fine-tuning help? Base SmolLM2-135M against the same model fine-tuned on Q/A pairs.

    .venv/bin/python scripts/finetune_report.py --dataset packs --out /tmp/kefu-finetune
    .venv/bin/python scripts/finetune_report.py --dataset medquad --out /tmp/kefu-finetune-mq

1. Data. `packs`: the English demo FAQs (e-commerce, finance, healthcare: a business's own
   pairs), 20 % of pairs held out by a stable hash. `medquad`: MedQuAD
   (../shared/datasets/medquad) split by `focus` (the disease or topic), so no topic's
   questions are on both sides, 10 % of topics held out; seeded samples of --train-pairs and
   --val-pairs are drawn from the two sides.
2. The bundled model is fine-tuned (LoRA by default) with `kefu.training.pipeline`, exactly as
   `kefu train llm` does, and exported to GGUF and quantised to Q4_1 like the base.
3. Figures: validation loss and perplexity before/after (answer tokens only); ROUGE-L of greedy
   answers from the served Q4_1 files (base vs fine-tuned) on --gen-pairs held-out questions;
   training throughput and peak memory; decode speed of both GGUFs on this machine.
4. Writes report.json and report.md (side-by-side examples included) under --out.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT.parent / "shared" / "datasets" / "medquad" / "medquad_with_answers.jsonl"


def load_packs() -> list[Any]:
    from kefu.packs import pack_files
    from kefu.training.data import load_pairs

    files = [f for f in pack_files("demo") if ".en." in f.name]
    return load_pairs(files)


def load_medquad(path: Path) -> list[Any]:
    from kefu.training.data import QAPair

    pairs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            question, answer = row["question"].strip(), " ".join(row["answer"].split())
            if question and answer:
                pairs.append(QAPair(question, answer, group=row.get("focus") or row["qid"]))
    return pairs


def answers_from_gguf(path: Path, questions: list[str], max_tokens: int) -> list[str]:
    """Greedy answers from a GGUF through llama.cpp's chat handler (what kefu serves)."""
    from kefu.llm.llamacpp import open_llama

    llm = open_llama(model_path=str(path), n_ctx=1024, verbose=False, seed=0)
    out = []
    for q in questions:
        reply = llm.create_chat_completion(
            [{"role": "user", "content": q}], max_tokens=max_tokens, temperature=0.0, top_k=1
        )
        out.append(str(reply["choices"][0]["message"]["content"] or "").strip())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=Path("/tmp/kefu-finetune"))
    parser.add_argument("--dataset", choices=["packs", "medquad"], default="packs")
    parser.add_argument("--data", type=Path, default=DATASET, help="the MedQuAD JSONL file")
    parser.add_argument("--train-pairs", type=int, default=400)
    parser.add_argument("--val-pairs", type=int, default=100)
    parser.add_argument("--gen-pairs", type=int, default=20)
    parser.add_argument("--method", default="lora", choices=["lora", "full"])
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--gen-tokens", type=int, default=96)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lora-layers", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    if args.dataset == "medquad" and not args.data.is_file():
        print(f"dataset not found: {args.data}", file=sys.stderr)
        return 2

    from kefu.llm.bundled import bundled_gguf_path
    from kefu.llm.catalog import measure_speed
    from kefu.training.data import split_pairs
    from kefu.training.loop import TrainConfig
    from kefu.training.metrics import rouge_l
    from kefu.training.pipeline import RunOptions, run_training

    # 1. Topic-grouped split, then seeded samples from each side.
    if args.dataset == "packs":
        train_all, val_all = split_pairs(load_packs(), val_fraction=0.2, seed=args.seed)
    else:
        train_all, val_all = split_pairs(load_medquad(args.data), val_fraction=0.1, seed=args.seed)
    rng = random.Random(args.seed)
    train = rng.sample(train_all, min(args.train_pairs, len(train_all)))
    val = rng.sample(val_all, min(args.val_pairs, len(val_all)))
    args.out.mkdir(parents=True, exist_ok=True)

    # 2. Fine-tune through the same pipeline as `kefu train llm`, with this held-out side.
    started = time.perf_counter()
    summary = run_training(
        RunOptions(
            out=args.out / "run",
            max_length=args.max_length,
            split=(train, val),
            train=TrainConfig(
                method=args.method,
                epochs=args.epochs,
                batch_size=args.batch_size,
                lr=args.lr,
                eval_every=10_000,  # one validation pass, at the end
                save_every=100,
                seed=args.seed,
                lora_layers=args.lora_layers,
                threads=args.threads,
            ),
        ),
        progress=lambda stage, done, total: print(
            f"\r{stage} {done}/{total}", end="", file=sys.stderr, flush=True
        ),
    )
    print(file=sys.stderr)
    wall = time.perf_counter() - started

    # 3. Generation quality and speed of the served files.
    base_gguf = bundled_gguf_path()
    tuned_gguf = Path(summary["files"]["q4_1"])
    gen = val[: args.gen_pairs]
    questions = [p.question for p in gen]
    base_answers = answers_from_gguf(base_gguf, questions, args.gen_tokens)
    tuned_answers = answers_from_gguf(tuned_gguf, questions, args.gen_tokens)

    # References cut to roughly the generated length: a 96-token answer cannot recall 800 words.
    def ref(p: Any) -> str:
        return " ".join(p.answer.split()[: int(args.gen_tokens * 0.75)])

    rouge_base = sum(rouge_l(a, ref(p)) for a, p in zip(base_answers, gen, strict=True)) / len(gen)
    rouge_tuned = sum(rouge_l(a, ref(p)) for a, p in zip(tuned_answers, gen, strict=True)) / len(
        gen
    )
    # The machine is shared: alternate the two files and keep each one's best of three runs.
    speeds: dict[str, list[float]] = {"base": [], "tuned": []}
    for _ in range(3):
        for name, path in (("base", base_gguf), ("tuned", tuned_gguf)):
            speeds[name].append(measure_speed(path, n_tokens=128).tokens_per_s)
    best_base, best_tuned = max(speeds["base"]), max(speeds["tuned"])

    report = {
        "dataset": args.dataset,
        "args": {k: str(v) for k, v in vars(args).items()},
        "train_pairs": len(train),
        "val_pairs": len(val),
        "gen_pairs": len(gen),
        "training": summary,
        "wall_seconds": wall,
        "rouge_l_base": rouge_base,
        "rouge_l_tuned": rouge_tuned,
        "decode_tokens_per_s_base": best_base,
        "decode_tokens_per_s_tuned": best_tuned,
        "decode_runs": speeds,
        "sizes_bytes": {"base": base_gguf.stat().st_size, "tuned": tuned_gguf.stat().st_size},
        "examples": [
            {"question": p.question, "reference": ref(p), "base": b, "tuned": t}
            for p, b, t in list(zip(gen, base_answers, tuned_answers, strict=True))[:4]
        ],
    }
    (args.out / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    s = summary
    lines = [
        f"- pairs ({args.dataset}): {len(train)} train / {len(val)} held out",
        f"- validation loss {s['val_loss_before']:.3f} -> {s['val_loss_after']:.3f}; perplexity "
        f"{s['val_ppl_before']:.2f} -> {s['val_ppl_after']:.2f} "
        f"({100 * s['val_ppl_change']:+.1f} %)",
        f"- ROUGE-L on {len(gen)} held-out questions: base {rouge_base:.3f}, "
        f"fine-tuned {rouge_tuned:.3f}",
        f"- training: {s['method']}, {s['steps']} steps, {s['train_tokens']} tokens, "
        f"{s['tokens_per_s']:.0f} tokens/s, peak memory {s['peak_memory_mb']:.0f} MB, "
        f"{s['train_seconds']:.0f} s ({wall:.0f} s with loading and export)",
        f"- decode (Q4_1, best of 3): base {best_base:.1f} tokens/s, fine-tuned "
        f"{best_tuned:.1f} tokens/s ({100 * best_tuned / best_base:.0f} %)",
    ]
    for ex in report["examples"]:
        lines += [
            "",
            f"**Q:** {ex['question']}",
            f"- reference: {ex['reference'][:300]}",
            f"- base: {ex['base'][:300]}",
            f"- fine-tuned: {ex['tuned'][:300]}",
        ]
    (args.out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
