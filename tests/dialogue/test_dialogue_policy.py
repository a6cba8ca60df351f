"""The answer policy: curated / generated / extractive / declined from one turn's evidence."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from kefu.dialogue.confidence import ConfidenceModel
from kefu.dialogue.policy import decide
from kefu.types import Entry, Passage

FAQ = Entry("rf-1", "faq", "How long does a refund take?", answer="5-10 business days.")
CHUNK = Entry("manual#1", "chunk", "Hold the power button for eight seconds.", title="Pairing")
CHUNK2 = Entry("manual#2", "chunk", "The battery lasts twelve hours.", title="Battery")

# decide() reads only the two thresholds of the confidence model.
MODEL = cast(ConfidenceModel, SimpleNamespace(curated_threshold=0.7, answer_threshold=0.4))


def _p(entry: Entry, score: float = 0.9) -> Passage:
    return Passage(entry, score=score)


def _decide(passages: list[Passage], confidence: float, language: str = "en", **kw: object):
    return decide(
        passages=passages,
        confidence=confidence,
        language=language,
        model_languages=kw.pop("model_languages", ("en",)),  # type: ignore[arg-type]
        thresholds=MODEL,
        **kw,  # type: ignore[arg-type]
    )


def test_faq_above_curated_threshold_is_curated_verbatim() -> None:
    plan = _decide([_p(FAQ), _p(CHUNK)], 0.71)
    assert plan.mode == "curated"
    assert plan.text == "5-10 business days."
    assert [p.entry.id for p in plan.passages] == ["rf-1"]
    assert not plan.handoff
    assert plan.confidence == 0.71


def test_faq_below_curated_threshold_is_declined_with_handoff() -> None:
    plan = _decide([_p(FAQ), _p(CHUNK)], 0.69)
    assert plan.mode == "declined"
    assert plan.handoff
    assert plan.text == ""  # the assistant fills in the localized decline text


def test_explicit_thresholds_override_the_model_ones() -> None:
    assert _decide([_p(FAQ)], 0.5, curated_threshold=0.45).mode == "curated"
    assert _decide([_p(FAQ)], 0.5, curated_threshold=0.55).mode == "declined"
    assert _decide([_p(CHUNK)], 0.3, answer_threshold=0.2).mode == "generated"
    assert _decide([_p(CHUNK)], 0.3, answer_threshold=0.35).mode == "declined"


def test_chunk_in_a_model_language_is_generated_from_chunks() -> None:
    plan = _decide([_p(CHUNK), _p(FAQ), _p(CHUNK2)], 0.5)
    assert plan.mode == "generated"
    assert [p.entry.id for p in plan.passages] == ["manual#1", "manual#2"]  # chunks only
    assert not plan.handoff


def test_chunk_in_another_language_is_extractive_from_the_top_chunk() -> None:
    plan = _decide([_p(CHUNK), _p(CHUNK2)], 0.5, language="zh", model_languages=("en",))
    assert plan.mode == "extractive"
    assert [p.entry.id for p in plan.passages] == ["manual#1"]
    plan = _decide([_p(CHUNK)], 0.5, language="zh", model_languages=("en", "zh"))
    assert plan.mode == "generated"


def test_chunk_below_answer_threshold_is_declined() -> None:
    plan = _decide([_p(CHUNK)], 0.39)
    assert (plan.mode, plan.handoff) == ("declined", True)


def test_no_passages_is_declined_with_handoff() -> None:
    plan = _decide([], 0.99)
    assert plan.mode == "declined"
    assert plan.handoff
    assert plan.passages == []
    assert plan.confidence == 0.0


ZH_CHUNK = Entry("safety#5", "chunk", "新加坡的行程不录音。", title="行程录音", language="zh")


def test_a_passage_across_languages_is_quoted_not_generated() -> None:
    # An English question answered from a Chinese section: the model writes English, but it
    # would have to translate what no check can hold against the Chinese source.
    plan = _decide([_p(ZH_CHUNK), _p(CHUNK)], 0.9, "en", across=True)
    assert plan.mode == "extractive"
    assert [p.entry.id for p in plan.passages] == ["safety#5"]
    same = _decide([_p(CHUNK)], 0.9, "en")
    assert same.mode == "generated"


def test_a_faq_across_languages_is_still_curated_and_a_weak_one_declined() -> None:
    zh_faq = Entry("zh-dl", "faq", "发票怎么下载？", answer="在“我的发票”点击下载。", language="zh")
    assert _decide([_p(zh_faq)], 0.9, "en", across=True).mode == "curated"
    assert _decide([_p(zh_faq)], 0.5, "en", across=True).mode == "declined"
