"""Intent classification with out-of-scope detection (docs/intents.md).

`classifier.IntentClassifier` (fit, predict), `persist.save`/`load` (JSON + .npz),
`datasets.load_labelled` (CSV or ``NAME:SPLIT`` of the shared data sets), `oos.choose_threshold`,
`cache.EmbeddingCache`. Importing this package imports nothing heavy.
"""
