"""Fine-tuning kefu's LLM on a business's own question/answer pairs or documents.

    data      read pairs (CSV/JSONL/JSON, the knowledge base) or documents; stable splits
    encode    chat template + answer-only labels; packed blocks for continued pre-training
    loading   the base model: the bundled GGUF dequantised, any GGUF, or a Hugging Face folder
    loop      the training loop (LoRA or full), evaluation
    checkpoints  resumable training state (weights, optimiser, RNG, step)
    export    GGUF writing for llama.cpp and quantisation to the base's type
    metrics   ROUGE-L and greedy generation for reports
    pipeline  all of the above behind `kefu train llm`

Everything that needs torch imports it inside functions: importing this package is cheap, and
the `train` extra (pip install 'kefu[train]') is needed only to run training.
"""
