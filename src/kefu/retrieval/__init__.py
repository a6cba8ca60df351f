"""Retrieval: BM25 over preprocessed tokens, dense embeddings, and their fusion."""
