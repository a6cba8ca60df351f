"""The trained intent classifier routes the turns the triage rules leave alone
(settings.intent_model; kefu.dialogue.routing).

A tiny n-gram classifier is trained here on templated phrasings of a few intents, none of them
about refunds or shipping, and saved with a route map; the small knowledge base and the stub
confidence come from conftest.py, so each decision depends only on what these files hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.config import Settings
from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.routing import QueryMemo
from kefu.errors import KefuError
from kefu.intents import persist
from kefu.intents.classifier import IntentClassifier, IntentConfig
from kefu.intents.features import Embeddings
from kefu.intents.routes import save_routes
from kefu.llm.fake import FakeChatModel
from kefu.retrieval.embedders import HashingEmbedder

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

_OPENERS = ["", "hi, ", "hello, ", "please ", "excuse me, ", "sorry, "]
_INTENTS = {
    "manager": [
        "get me a manager",
        "escalate this to a manager",
        "i want your supervisor now",
        "can a manager call me back",
        "escalate my complaint",
    ],
    "hazard": [
        "the charger is smoking",
        "smoke is coming out of the charger",
        "the battery is swelling and hot",
        "the charger caught fire",
        "sparks are coming from the plug",
    ],
    "chitchat": [
        "how are you doing today",
        "what's up",
        "nice to meet you",
        "have a nice day",
        "how is your day going",
    ],
    "gadget": [
        "how do i pair the gadget pro",
        "pairing my gadget pro with my phone",
        "the gadget pro will not pair",
        "connect the gadget pro by bluetooth",
        "gadget pro bluetooth pairing steps",
    ],
    "oos": [
        "what is the capital of france",
        "tell me a joke",
        "who won the football match",
        "play some music",
        "play a song from my phone",
        "can you play music for me",
        "what is the weather tomorrow",
        "recommend a good movie",
        "how long does it take to boil an egg",
        "how long do cats live",
        "how long is a marathon",
    ],
}
ROUTES = {"manager": "human", "hazard": "emergency", "chitchat": "smalltalk"}  # gadget: answer


def _rows() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for label, phrases in _INTENTS.items():
        for opener, phrase in itertools.product(_OPENERS, phrases):
            texts.append(opener + phrase)
            labels.append(label)
    return texts, labels


@pytest.fixture(scope="module")
def ngram_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An n-grams-only classifier (no embedding model) with its routes, saved to a folder."""
    folder = tmp_path_factory.mktemp("intents")
    model = IntentClassifier(IntentConfig(embedder=None))
    model.fit(*_rows())
    persist.save(model, folder)
    save_routes(folder, ROUTES)  # type: ignore[arg-type]
    return folder


@pytest.fixture
def routed(make_assistant: MakeAssistant, ngram_model: Path) -> Assistant:
    assistant, _ = make_assistant(
        replies=["Hold the power button for eight seconds [help#1]."] * 4,
        intent_model=ngram_model,
    )
    return assistant


def test_an_intent_routed_to_a_person_hands_off(
    routed: Assistant, make_assistant: MakeAssistant
) -> None:
    message = "Could a manager call me back?"
    answer = routed.ask(message)
    assert (answer.mode, answer.handoff) == ("declined", True)
    assert answer.text == messages.reply("handoff_request", "en")
    assert answer.intent is not None and answer.intent["label"] == "manager"
    assert answer.intent["route"] == "human"
    assert answer.as_dict()["intent"] == answer.intent
    # The rules alone do not see a request for a person in it: the classifier made the call.
    plain, _ = make_assistant()
    assert plain.ask(message).text != messages.reply("handoff_request", "en")


def test_an_intent_routed_to_emergency_gets_the_emergency_reply(
    routed: Assistant, make_assistant: MakeAssistant
) -> None:
    # A product hazard the safety rules do not list (smoke and sparks they do): the business
    # trained it as an intent.
    message = "My battery is swelling and getting hot!"
    answer = routed.ask(message)
    assert answer.handoff
    assert answer.text.startswith(messages.reply("emergency", "en"))
    assert answer.intent is not None and answer.intent["route"] == "emergency"
    plain, _ = make_assistant()
    assert not plain.ask(message).text.startswith(messages.reply("emergency", "en"))


def test_smalltalk_intent_gets_a_friendly_reply(routed: Assistant) -> None:
    answer = routed.ask("How are you doing today?")
    assert (answer.mode, answer.handoff, answer.sources) == ("smalltalk", False, [])
    assert answer.text == messages.reply("greeting", "en")


def test_out_of_scope_declines_an_answer_retrieval_was_unsure_of(
    routed: Assistant, make_assistant: MakeAssistant
) -> None:
    # Retrieval half matches the pairing manual (below the curated bar, above the answer bar):
    # alone, the assistant would write an answer from it.
    message = "Can the Gadget Pro play music from my phone?"
    plain, _ = make_assistant(replies=["Hold the power button for eight seconds [help#1]."])
    unrouted = plain.ask(message)
    assert unrouted.mode == "generated" and unrouted.confidence < 0.6
    answer = routed.ask(message)
    assert answer.intent is not None and answer.intent["route"] == "oos"
    assert (answer.mode, answer.handoff) == ("declined", True)
    assert answer.text == messages.reply("decline", "en")


def test_out_of_scope_yields_to_a_confident_curated_faq_answer(routed: Assistant) -> None:
    # The classifier knows nothing about refunds, so it says out of scope; the business's own
    # FAQ entry matches confidently, and that answer is given.
    answer = routed.ask("How long does a refund take?")
    assert answer.intent is not None and answer.intent["route"] == "oos"
    assert answer.mode == "curated" and not answer.handoff
    assert answer.text.startswith("Refunds reach your card within 5-10 business days")


def test_an_intent_without_a_route_is_answered_as_usual(routed: Assistant) -> None:
    answer = routed.ask("How do I pair the Gadget Pro with my phone?")
    assert answer.intent is not None
    assert (answer.intent["label"], answer.intent["route"]) == ("gadget", "answer")
    assert answer.mode == "generated" and answer.sources[0].id == "help#1"


def test_the_rules_still_win_and_skip_the_classifier(routed: Assistant) -> None:
    human = routed.ask("Can I talk to a human please?")
    assert human.text == messages.reply("handoff_request", "en") and human.intent is None
    emergency = routed.ask("I have chest pain and my arm is numb")
    assert emergency.text.startswith(messages.reply("emergency", "en"))
    assert emergency.intent is None


def test_without_a_model_nothing_changes(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("How long does a refund take?")
    assert answer.intent is None and "intent" not in answer.as_dict()


def test_a_missing_model_folder_fails_at_warm_up(
    make_assistant: MakeAssistant, tmp_path: Path
) -> None:
    assistant, _ = make_assistant(intent_model=tmp_path / "nothing-here")
    with pytest.raises(KefuError, match="kefu train intents"):
        assistant.warm_up(llm=False)


def test_the_classifier_reads_the_vector_the_faq_search_computed(
    tmp_path: Path, knowledge_files: tuple[Path, Path], make_assistant: MakeAssistant
) -> None:
    """With the knowledge base's embedder (here the hashing one), a turn embeds the message
    once: the search's vector is remembered and the classifier reads it."""
    folder = tmp_path / "intents"
    embed = HashingEmbedder()
    model = IntentClassifier(
        IntentConfig(embedder="hashing"), embeddings=Embeddings(embed.embed_queries)
    )
    model.fit(*_rows())
    persist.save(model, folder)
    save_routes(folder, ROUTES)  # type: ignore[arg-type]
    settings = Settings(
        home=tmp_path / "home",
        embedder="hashing",
        llm_backend="fake",
        curated_threshold=0.6,
        answer_threshold=0.3,
        intent_model=folder,
    )
    stub = make_assistant()[0].confidence  # conftest's hand-written confidence function
    # No kb given: the Assistant builds its own, searching through a QueryMemo.
    assistant = Assistant(settings, llm=FakeChatModel([], languages=("en",)), confidence=stub)
    memo = assistant.kb.embedder
    assert isinstance(memo, QueryMemo)
    assert assistant.kb.add(list(knowledge_files)).ok
    assistant.warm_up(llm=False)
    seen: list[list[str]] = []
    inner = memo.inner.embed_queries

    def spy(texts: Any) -> Any:
        seen.append(list(texts))
        return inner(texts)

    memo.inner.embed_queries = spy  # type: ignore[method-assign]
    message = "Could a manager call me back?"
    answer = assistant.ask(message)
    assert answer.intent is not None and answer.intent["route"] == "human"
    assert seen.count([message]) == 1, seen
