"""The knowledge base: files in, entries stored, one hybrid index kept in step."""
