"""The Assistant end to end with the hashing embedder, the scripted fake LLM and SQLite."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kefu.config import Settings
from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant, InvalidMessage
from kefu.storage.conversation_repo import ConversationRepository
from kefu.types import Answer

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

CSV_REFUND_ANSWER = "Refunds reach your card within 5-10 business days after we receive the return."


def _collect(
    assistant: Assistant, text: str, session_id: str | None = None
) -> tuple[list[str], Answer]:
    pieces: list[str] = []
    final: Answer | None = None
    for item in assistant.stream(text, session_id=session_id):
        if isinstance(item, Answer):
            assert final is None, "exactly one final Answer"
            final = item
        else:
            assert final is None, "text pieces come before the Answer"
            pieces.append(item)
    assert final is not None
    return pieces, final


def test_exact_faq_question_is_curated_verbatim(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path]
) -> None:
    faq_text = knowledge_files[0].read_text(encoding="utf-8")
    assistant, llm = make_assistant()
    answer = assistant.ask("How long does a refund take?")
    assert answer.mode == "curated"
    assert answer.text == CSV_REFUND_ANSWER
    assert CSV_REFUND_ANSWER in faq_text
    assert answer.sources[0].id == "rf-1"
    assert answer.sources[0].title == "How long does a refund take?"
    assert not answer.handoff
    assert answer.language == "en"
    assert answer.confidence >= 0.6
    assert llm.calls == []  # curated answers never go through the model


def test_chinese_faq_question_is_curated(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("退款多久到账？")
    assert (answer.mode, answer.language) == ("curated", "zh")
    assert answer.text == "退款会在收到退货后3个工作日内原路退回。"
    assert [s.id for s in answer.sources] == ["zh-1"]


def test_off_topic_question_is_declined_with_handoff(make_assistant: MakeAssistant) -> None:
    assistant, llm = make_assistant()
    answer = assistant.ask("What is the capital of France?")
    assert answer.mode == "declined"
    assert answer.handoff
    assert answer.text == messages.reply("decline", "en")
    assert answer.confidence < 0.3
    assert llm.calls == []


def test_request_for_a_person_hands_off(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("Can I talk to a human please?")
    assert answer.handoff
    assert answer.mode == "declined"
    assert answer.text == messages.reply("handoff_request", "en")
    zh = assistant.ask("转人工")
    assert zh.handoff
    assert zh.text == messages.reply("handoff_request", "zh")


def test_a_personal_data_request_goes_to_a_person_who_will_check_identity(
    make_assistant: MakeAssistant,
) -> None:
    assistant, llm = make_assistant()
    answer = assistant.ask("Please delete all my personal data, GDPR request")
    assert (answer.mode, answer.handoff, answer.sources) == ("declined", True, [])
    assert answer.text == messages.reply("data_request", "en")
    assert "confirm that you are you" in answer.text
    zh = assistant.ask("请删除我的全部个人信息")
    assert zh.handoff and zh.text == messages.reply("data_request", "zh")
    assert llm.calls == []
    # A channel that cannot hand over says where a person is instead.
    assert "I've asked" not in messages.without_handoff(answer.text)


def test_greeting_and_thanks_are_smalltalk(make_assistant: MakeAssistant) -> None:
    assistant, llm = make_assistant()
    hello = assistant.ask("Hello!")
    assert (hello.mode, hello.handoff, hello.sources) == ("smalltalk", False, [])
    assert hello.text == messages.reply("greeting", "en")
    assert assistant.ask("你好").text == messages.reply("greeting", "zh")
    assert assistant.ask("谢谢").text == messages.reply("thanks", "zh")
    assert llm.calls == []


@pytest.mark.parametrize(("text", "language"), [("ok thanks", "en"), ("bye", "en"), ("好的", "zh")])
def test_a_closing_gets_small_talk_and_no_person(
    make_assistant: MakeAssistant, text: str, language: str
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(text)
    assert (answer.mode, answer.handoff, answer.sources) == ("smalltalk", False, [])
    assert answer.text == messages.reply("thanks", language)


def test_document_question_is_generated_and_streamed(make_assistant: MakeAssistant) -> None:
    reply = (
        "Hold the power button for eight seconds, then choose Gadget Pro [help#1]. "
        "Hold the power button until the light blinks [help#1]."
    )
    assistant, llm = make_assistant(replies=[reply])
    pieces, answer = _collect(assistant, "How do I pair the Gadget Pro with my phone?")
    assert answer.mode == "generated"
    # Streamed a checked sentence at a time (the grounding gate), not in one block.
    assert len(pieces) == 2
    assert "".join(pieces).strip() == reply
    assert answer.text == reply
    assert answer.sources[0].id == "help#1"
    assert "Pairing" in answer.sources[0].title
    assert not answer.handoff
    # The model saw the passages with their ids, and the question.
    assert len(llm.calls) == 1
    prompt = llm.calls[0]
    assert prompt[0].role == "system"
    assert prompt[-1].role == "user"
    assert "[help#1]" in prompt[-1].content
    assert "hold the power button for eight seconds" in prompt[-1].content
    assert "How do I pair the Gadget Pro with my phone?" in prompt[-1].content


def test_a_model_looping_on_the_question_falls_back_to_extraction(
    make_assistant: MakeAssistant,
) -> None:
    # The bundled model answered a car rental's "Toyota RAV4 per week Singapore" with the
    # question and a colon, sixteen times; the customer saw all of it as a generated answer.
    question = "How do I pair the Gadget Pro with my phone?"
    assistant, _ = make_assistant(replies=[f"{question[:-1]}:\n\n" * 16])
    answer = assistant.ask(question)
    assert answer.mode == "extractive"
    assert "hold the power button for eight seconds" in answer.text


def test_empty_model_reply_falls_back_to_extraction(make_assistant: MakeAssistant) -> None:
    assistant, llm = make_assistant(replies=["   "])
    answer = assistant.ask("How do I pair the Gadget Pro with my phone?")
    assert len(llm.calls) == 1
    assert answer.mode == "extractive"
    assert "hold the power button for eight seconds" in answer.text


def test_chinese_doc_question_is_extractive_when_model_is_english_only(
    make_assistant: MakeAssistant,
) -> None:
    assistant, llm = make_assistant(llm_languages=["en"])
    answer = assistant.ask("清洁小工具时要先关闭电源吗？")
    assert answer.mode == "extractive"
    assert answer.language == "zh"
    assert answer.sources[0].id == "help#2"
    assert "清洁小工具时请先关闭电源。" in answer.text
    assert answer.text.startswith("根据《")  # the localized "From <title>:" prefix
    assert llm.calls == []  # the English-only model is never asked to write Chinese


def test_chinese_doc_question_is_generated_when_model_writes_chinese(
    make_assistant: MakeAssistant,
) -> None:
    assistant, llm = make_assistant(llm_languages=["en", "zh"], replies=["请先关闭电源再清洁。"])
    answer = assistant.ask("清洁小工具时要先关闭电源吗？")
    assert answer.mode == "generated"
    assert answer.text == "请先关闭电源再清洁。"
    assert len(llm.calls) == 1


def test_history_is_persisted_with_sources_confidence_and_mode(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    sid = assistant.start(channel="test")
    first = assistant.ask("How long does a refund take?", session_id=sid)
    second = assistant.ask("What is the capital of France?", session_id=sid)
    assert first.session_id == sid

    # Read back through a fresh repository on the same database: it survives the Assistant.
    rows = ConversationRepository(assistant.kb.db).history(sid)
    assert [r.role for r in rows] == ["user", "assistant", "user", "assistant"]
    assert rows[0].content == "How long does a refund take?"
    assert rows[1].content == CSV_REFUND_ANSWER
    assert rows[1].mode == "curated"
    assert rows[1].sources[0]["id"] == "rf-1"
    assert rows[1].confidence is not None
    assert abs(rows[1].confidence - first.confidence) < 1e-6
    assert rows[1].handoff is False
    assert rows[3].mode == "declined"
    assert rows[3].handoff is True
    assert abs((rows[3].confidence or 0.0) - second.confidence) < 1e-6
    assert [m.role for m in assistant.history(sid)] == ["user", "assistant"] * 2


def test_no_session_means_nothing_is_stored(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    sid = assistant.start()
    assistant.ask("How long does a refund take?")
    assert assistant.conversations.history(sid) == []


def test_followup_uses_the_previous_question(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    followup = "and how long does that take?"
    # Precondition: alone, the follow-up retrieves the generic delivery entry first.
    alone = assistant.kb.search(followup).passages[0].entry.id
    assert alone != "ret-sofa-time"

    sid = assistant.start()
    assert assistant.ask("How do I return a sofa?", session_id=sid).sources[0].id == "ret-sofa"
    answer = assistant.ask(followup, session_id=sid)
    assert answer.sources[0].id == "ret-sofa-time"
    assert answer.text == "A sofa return takes 14 days from pickup to refund."

    # Without the conversation the same message does not reach the sofa answer.
    fresh = assistant.ask(followup)
    assert not fresh.sources or fresh.sources[0].id != "ret-sofa-time"


def test_a_followup_does_not_repeat_the_answer_just_given(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    followup = "and what about refunds?"
    # Precondition: alone, the follow-up finds the refund entry; joined with the sofa
    # question, the sofa entry (the answer just given) would come first.
    assert assistant.kb.search(followup).passages[0].entry.id == "rf-1"
    joined = assistant.kb.search(f"How do I return a sofa? {followup}")
    assert joined.passages[0].entry.id == "ret-sofa"

    sid = assistant.start()
    assert assistant.ask("How do I return a sofa?", session_id=sid).sources[0].id == "ret-sofa"
    answer = assistant.ask(followup, session_id=sid)
    assert not answer.sources or answer.sources[0].id != "ret-sofa"


def test_a_followup_in_another_language_does_not_borrow_the_earlier_question(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    sid = assistant.start()
    assert assistant.ask("How do I return a sofa?", session_id=sid).sources[0].id == "ret-sofa"
    # Joined with the English question, "那要多久？" would land on an English sofa entry and be
    # answered in English; alone it is a Chinese question and is answered (or declined) in Chinese.
    answer = assistant.ask("那要多久？", session_id=sid)
    assert answer.language == "zh"
    assert not any(s.id.startswith("ret-sofa") for s in answer.sources)


def test_emergency_gets_emergency_text_first_and_handoff(make_assistant: MakeAssistant) -> None:
    assistant, llm = make_assistant()
    answer = assistant.ask("I have chest pain and my arm feels numb")
    assert answer.handoff
    assert answer.text.startswith(messages.reply("emergency", "en"))
    zh = assistant.ask("我胸口痛得厉害")
    assert zh.handoff
    assert zh.language == "zh"
    assert zh.text.startswith(messages.reply("emergency", "zh"))
    assert llm.calls == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("I have chest pain and my arm feels numb", "If this is an emergency, call 120 now."),
        ("我爸胸口疼，出冷汗", "如遇紧急情况，请立即拨打急救电话120。"),
        ("how many ibuprofen can I take", "If someone may have taken too much, call 120 now."),
    ],
)
def test_a_configured_emergency_number_replaces_the_generic_ones(
    make_assistant: MakeAssistant, text: str, first: str
) -> None:
    assistant, _ = make_assistant(emergency_number="120")
    answer = assistant.ask(text)
    assert first in answer.text
    assert "911" not in answer.text and "112" not in answer.text
    assert answer.handoff


@pytest.mark.parametrize("bad", ["call 120", "12a", "+", "1" * 30])
def test_an_emergency_number_that_is_not_a_number_is_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValidationError, match="emergency_number"):
        Settings(home=tmp_path, emergency_number=bad)


def test_abuse_gets_an_apology_and_a_person_and_still_the_answer(
    make_assistant: MakeAssistant,
) -> None:
    assistant, llm = make_assistant()
    insult = assistant.ask("You are useless, you stupid bot")
    assert insult.text == messages.reply("safety_abuse", "en")
    assert insult.handoff and not insult.sources
    # An angry customer with a real question gets the apology, a person and the answer.
    angry = assistant.ask("How long does a refund take, you idiots?")
    assert angry.text.startswith(messages.reply("safety_abuse", "en"))
    assert CSV_REFUND_ANSWER in angry.text
    assert angry.handoff
    assert llm.calls == []


def test_emergency_adds_the_businesss_own_guidance(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path]
) -> None:
    csv_path, _ = knowledge_files
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8")
        + "em-1,I have chest pain,Call 911 now and tell them you have chest pain.,safety\n",
        encoding="utf-8",
    )
    assistant, _ = make_assistant()
    answer = assistant.ask("I have chest pain")
    assert answer.handoff
    # The entry already leads with an emergency number, so it is said once, not twice.
    assert answer.text == "Call 911 now and tell them you have chest pain."
    assert [s.id for s in answer.sources] == ["em-1"]


def test_self_harm_gets_the_businesss_crisis_entry_but_never_a_how_to(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path]
) -> None:
    """A customer who wants to end it all over a bill gets the emergency text and a person,
    not the FAQ on paying by Direct Debit that the bill matched; the business's own crisis
    entry still follows."""
    csv_path, _ = knowledge_files
    base = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(
        base + "pay-1,I can't pay my bill,You can pay your bill by Direct Debit.,billing\n",
        encoding="utf-8",
    )
    message = "I can't pay my bill, I just want to end it all"
    # A low bar makes the bill's entry a confident match, as the real models would find it.
    assistant, _ = make_assistant(curated_threshold=0.05)
    answer = assistant.ask(message)
    assert answer.handoff and answer.reason == "emergency"
    # No crisis entry: kefu's own crisis lines follow the number, never the number alone.
    crisis_lines = messages.reply("crisis_lines", "en")
    assert answer.text == f"{messages.reply('emergency', 'en')}\n\n{crisis_lines}"
    assert "Direct Debit" not in answer.text and answer.sources == []

    csv_path.write_text(
        base + "crisis-1,I can't pay my bill and want to end it all,"
        "Please talk to someone now: the Samaritans helpline is free on 116 123.,support\n",
        encoding="utf-8",
    )
    assistant, _ = make_assistant(home=csv_path.parent / "home2", curated_threshold=0.05)
    answer = assistant.ask(message)
    assert answer.text.startswith(messages.reply("emergency", "en"))
    assert answer.text.endswith("the Samaritans helpline is free on 116 123.")


def test_emergency_entry_without_a_number_gets_the_generic_guidance_first(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path]
) -> None:
    csv_path, _ = knowledge_files
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8")
        + "em-2,I have chest pain,Stop what you are doing and sit down.,safety\n",
        encoding="utf-8",
    )
    assistant, _ = make_assistant()
    answer = assistant.ask("I have chest pain")
    assert answer.handoff
    assert answer.text.startswith(messages.reply("emergency", "en"))
    assert answer.text.endswith("Stop what you are doing and sit down.")


def test_invalid_message_is_rejected_before_anything_runs(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    with pytest.raises(InvalidMessage):
        assistant.ask("   ")
    with pytest.raises(InvalidMessage):
        assistant.ask("x" * 4001)


def test_answer_as_dict_is_json_ready(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    data = assistant.ask("How long does a refund take?").as_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) >= {"answer", "sources", "confidence", "handoff", "language", "mode"}
    assert data["sources"][0]["id"] == "rf-1"
    assert data["sources"][0]["title"] == "How long does a refund take?"
    assert data["latency_ms"] >= 0


def test_personal_data_is_redacted_before_it_is_stored(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    sid = assistant.start()
    text = "My email is mary@example.com and my card 4111 1111 1111 1111, where is my order?"
    assistant.ask(text, session_id=sid)
    stored = assistant.conversations.history(sid)[0].content
    assert "mary@example.com" not in stored and "4111" not in stored
    assert "[EMAIL]" in stored and "[CARD]" in stored


def test_the_bots_answer_is_stored_as_written_less_the_customers_identifiers(
    make_assistant: MakeAssistant, tmp_path: Path
) -> None:
    # The business's own number and address in an answer survive a reload; the customer's
    # identifiers do not, in their message or repeated in the reply.
    reply = (
        "I will send the pairing steps to mary@example.com [help#1]. Hold the power button "
        "for eight seconds [help#1]. Questions: call 400-820-8820 [help#1]."
    )
    assistant, _ = make_assistant(replies=[reply], grounding_check=False)
    contact = tmp_path / "contact.csv"
    contact.write_text(
        "id,question,answer\n"
        "ct-1,How do I contact support?,Call 400-820-8820 or email help@shop.example.com.\n",
        encoding="utf-8",
    )
    assert assistant.kb.add([contact]).ok
    sid = assistant.start()
    answer = assistant.ask("How do I contact support?", session_id=sid)
    assert answer.mode == "curated"
    stored = assistant.conversations.history(sid)[-1].content
    assert stored == "Call 400-820-8820 or email help@shop.example.com."

    generated = assistant.ask(
        "How do I pair the Gadget Pro with my phone, mary@example.com?",
        session_id=sid,
    )
    assert generated.mode == "generated" and "mary@example.com" in generated.text
    question, kept = assistant.conversations.history(sid)[-2:]
    assert "mary@example.com" not in question.content
    assert "mary@example.com" not in kept.content and "[EMAIL]" in kept.content
    assert "400-820-8820" in kept.content


def test_redaction_can_be_switched_off(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant(redact_pii_storage=False)
    sid = assistant.start()
    assistant.ask("Write to mary@example.com please", session_id=sid)
    assert "mary@example.com" in assistant.conversations.history(sid)[0].content


def test_prompts_to_a_remote_model_carry_no_personal_data(
    tmp_path: Path, knowledge_files: tuple[Path, Path]
) -> None:
    from dataclasses import replace

    from kefu.config import Settings
    from kefu.knowledge.base import KnowledgeBase
    from kefu.llm.fake import FakeChatModel
    from kefu.retrieval.embedders import HashingEmbedder

    class RemoteFake(FakeChatModel):
        @property
        def info(self):  # type: ignore[no-untyped-def]
            return replace(super().info, backend="openai")

    settings = Settings(
        home=tmp_path / "h", embedder="hashing", llm_backend="fake",
        curated_threshold=0.99, answer_threshold=0.0,
    )  # fmt: skip
    kb = KnowledgeBase(settings, embedder=HashingEmbedder())
    assert kb.add(list(knowledge_files)).ok
    llm = RemoteFake(["Hold the power button for eight seconds."], languages=("en",))
    assistant = Assistant(settings, kb=kb, llm=llm)
    assistant.ask("I'm mary@example.com: how do I pair the Gadget Pro with my phone?")
    assert len(llm.calls) == 1
    sent = " ".join(m.content for m in llm.calls[0])
    assert "mary@example.com" not in sent and "[EMAIL]" in sent


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_reply_that_names_an_emergency_number_takes_the_configured_one(
    language: str,
) -> None:
    # The number is put in by rewriting the generic wording; a reply edited so that the
    # rewrite no longer matches would keep telling a Shanghai customer to call 911.
    kinds = [k for k in messages._REPLIES if k != "extractive_prefix"]
    named = [k for k in kinds if any(n in messages.reply(k, language) for n in ("911", "120"))]
    assert {"emergency", "safety_diagnosis", "safety_dose"} <= set(named)
    for kind in named:
        text = messages.reply(kind, language, emergency_number="000")
        assert "000" in text, kind
        assert not any(n in text for n in ("911", "112", "120", "110")), (kind, text)


def test_a_pets_emergency_sends_to_a_vet_and_adds_the_clinics_own_entry(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path]
) -> None:
    csv_path, _ = knowledge_files
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8") + "vet-em,What should I do in a pet emergency?,"
        "Out of hours call the VetNight emergency hospital on 020 7946 0999.,emergency\n"
        "bank-em,How do I get emergency cash?,Call us and we send cash to a branch.,cards\n",
        encoding="utf-8",
    )
    assistant, llm = make_assistant(emergency_number="120")
    answer = assistant.ask("my dog ate grapes")
    assert answer.handoff and answer.reason == "pet emergency"
    assert answer.text.startswith(messages.reply("pet_emergency", "en", emergency_number="120"))
    assert "vet" in answer.text and "VetNight" in answer.text
    assert [s.id for s in answer.sources] == ["vet-em"]
    # A person bitten by the dog is a person's emergency.
    person = assistant.ask("my dog bit my son and he is bleeding heavily")
    assert person.reason == "emergency"
    assert person.text.startswith(messages.reply("emergency", "en", emergency_number="120"))
    assert llm.calls == []


def test_a_pets_emergency_without_a_clinic_entry_still_names_a_vet(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("狗狗误食了老鼠药")
    assert answer.handoff and answer.mode == "declined"
    assert answer.text == messages.reply("pet_emergency", "zh")
    assert "兽医" in answer.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("how much ibuprofen can I give my dog for pain?", "safety_dose_pet"),
        ("我家猫身上长了个包，是不是肿瘤？", "safety_diagnosis_pet"),
        ("how much ibuprofen can I take for pain?", "safety_dose"),
    ],
)
def test_dose_and_diagnosis_questions_about_pets_name_a_vet(
    make_assistant: MakeAssistant, text: str, kind: str
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(text)
    assert answer.text.startswith(messages.reply(kind, answer.language))
