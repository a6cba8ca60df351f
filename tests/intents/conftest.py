"""Synthetic labelled utterances for the intent tests: four intents phrased many ways, and
out-of-scope chatter, generated from templates so the tests need no data files."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from kefu.intents.cache import EmbeddingCache
from kefu.intents.features import Embeddings
from kefu.retrieval.embedders import HashingEmbedder

_OPENERS = ["", "hi, ", "hello, ", "please ", "excuse me, ", "quick question: "]
_INTENTS = {
    "card_arrival": [
        "where is my new card",
        "my card has not arrived yet",
        "when will my card be delivered",
        "still waiting for my card",
        "the card you sent never came",
        "how long until my card arrives",
    ],
    "reset_password": [
        "i forgot my password",
        "how do i reset my password",
        "cannot log in, password wrong",
        "change my login password",
        "my password does not work anymore",
        "help me recover my password",
    ],
    "refund_status": [
        "where is my refund",
        "refund has not shown up",
        "when do i get my money back",
        "status of my refund please",
        "i am still waiting for the refund",
        "how long does a refund take",
    ],
    "退货": [
        "我想退货",
        "怎么申请退货",
        "退货流程是什么",
        "这个商品可以退吗",
        "我要把衣服退回去",
        "退货运费谁出",
    ],
}
_OOS = [
    "what is the capital of france",
    "tell me a joke",
    "who won the football game",
    "how tall is mount everest",
    "play some music",
    "what is the weather tomorrow",
    "recommend a good movie",
    "how do i bake bread",
]


def synthetic(seed: int = 0, per_intent: int = 30) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts, labels = [], []
    for label, phrases in _INTENTS.items():
        combos = list(itertools.product(_OPENERS, phrases))
        rng.shuffle(combos)
        for opener, phrase in combos[:per_intent]:
            texts.append(opener + phrase)
            labels.append(label)
    return texts, labels


def out_of_scope() -> list[str]:
    return list(_OOS)


@pytest.fixture
def hashing_embeddings(tmp_path: Path) -> Embeddings:
    """Fast surface-form embeddings with an on-disk cache under tmp_path."""
    model = HashingEmbedder()
    return Embeddings(model.embed_queries, EmbeddingCache(tmp_path / "emb-cache"))


@pytest.fixture
def labelled_csv(tmp_path: Path) -> Path:
    texts, labels = synthetic()
    oos = out_of_scope()
    path = tmp_path / "train.csv"
    rows = ["text,label"]
    rows += [f'"{t}",{lab}' for t, lab in zip(texts, labels, strict=True)]
    rows += [f'"{t}",oos' for t in oos[:4]]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def synthetic_data() -> tuple[list[str], list[str]]:
    return synthetic()


@pytest.fixture
def synthetic_test() -> tuple[list[str], list[str]]:
    """Other phrasings of the same intents (another seed picks other opener combinations)."""
    texts, labels = synthetic(seed=7, per_intent=36)
    train = set(synthetic()[0])
    keep = [i for i, t in enumerate(texts) if t not in train]
    return [texts[i] for i in keep], [labels[i] for i in keep]


@pytest.fixture
def oos_texts() -> list[str]:
    return out_of_scope()
