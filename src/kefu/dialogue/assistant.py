"""The Assistant runs one customer turn end to end.

Cheap to construct; `warm_up()` loads the embedding model, the index and the LLM. A turn is
``ask()`` (whole answer) or ``stream()`` (text pieces, then the final `Answer`). History is kept
in the database, so a conversation survives restarts and follow-ups see earlier turns.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kefu.dialogue import (
    after_emergency,
    coverage,
    last_entry,
    messages,
    multipart,
    source_pick,
)
from kefu.dialogue.across_turns import crisis_before
from kefu.dialogue.beside_injection import question_beside
from kefu.dialogue.claim_notice import claim_outcome_notice
from kefu.dialogue.confidence import ConfidenceModel
from kefu.dialogue.customer_script import CustomerScript
from kefu.dialogue.emergency_text import leads_with_emergency_number
from kefu.dialogue.generation import Generation
from kefu.dialogue.incoming import (
    MAX_MESSAGE_CHARS,
    InvalidMessage,
    clean_message,
    plain_text,
    reply_language,
)
from kefu.dialogue.intents import triage
from kefu.dialogue.multipart import split_questions
from kefu.dialogue.notices import card_data_notice, other_language_notice
from kefu.dialogue.polar_lead import fit_lead
from kefu.dialogue.policy import Plan, decide, person_plan, smalltalk_plan
from kefu.dialogue.related import related_questions
from kefu.dialogue.romance_lines import romance_told
from kefu.dialogue.routing import IntentRouter, intent_of, query_memo
from kefu.dialogue.safety_plans import FIXED_REPLY, SAFETY_REPLY, SafetyPlans, safe_history
from kefu.dialogue.still_in_danger import still_in_danger
from kefu.dialogue.threaded import ThreadedRetrieval
from kefu.dialogue.turn import PreparedTurn
from kefu.guard.documents import clean_passages, held_back_reason
from kefu.guard.emergency import no_one_hurt
from kefu.guard.safety import NOT_FOR_THE_HEAD
from kefu.guard.views import views
from kefu.retrieval.features import CROSS_FLAG
from kefu.text.script import traditional_stream
from kefu.types import Answer, ChatMessage, Source

_log = logging.getLogger(__name__)

# Re-exported: the service, the CLI and the tests import these from here.
__all__ = [
    "MAX_MESSAGE_CHARS",
    "Assistant",
    "InvalidMessage",
    "clean_message",
    "plain_text",
    "reply_language",
]

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.knowledge.base import KnowledgeBase
    from kefu.llm.base import ChatModel
    from kefu.storage.conversation_repo import ConversationRepository


class Assistant(SafetyPlans, CustomerScript, Generation, ThreadedRetrieval):
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        kb: KnowledgeBase | None = None,
        llm: ChatModel | None = None,
        conversations: ConversationRepository | None = None,
        confidence: ConfidenceModel | None = None,
        pack: str | None = None,
        pack_is_fallback: bool = False,
    ) -> None:
        from kefu.config import load_settings

        self.settings = settings or load_settings()
        # The intent classifier (settings.intent_model) reads the FAQ search's query vectors.
        self._router = IntentRouter.from_settings(self.settings, lambda: self.kb.embedder)
        if kb is None:
            from kefu.knowledge.base import KnowledgeBase

            memo = query_memo(self.settings) if self._router is not None else None
            kb = KnowledgeBase(
                self.settings, pack=pack, pack_is_fallback=pack_is_fallback, embedder=memo
            )
        self.kb = kb
        self._llm = llm
        self._conversations = conversations
        self._confidence = confidence
        self._lock = threading.Lock()

    # -- parts ----------------------------------------------------------------------------
    @property
    def llm(self) -> ChatModel:
        if self._llm is None:
            from kefu.llm.registry import create_chat_model

            self._llm = create_chat_model(self.settings)
        return self._llm

    @property
    def conversations(self) -> ConversationRepository:
        if self._conversations is None:
            from kefu.storage.conversation_repo import ConversationRepository

            self._conversations = ConversationRepository(self.kb.db)
        return self._conversations

    @property
    def confidence(self) -> ConfidenceModel:
        if self._confidence is None:
            self._confidence = ConfidenceModel.load(embedder=self.settings.embedder)
        return self._confidence

    def warm_up(self, *, llm: bool = True) -> None:
        self.kb.warm_up()
        _ = self.confidence
        if self._router is not None:
            self._router.warm_up()
        if llm:
            self.llm.warm_up()
            if self.llm.info.backend == "llamacpp":
                # Evaluate the fixed system prompt now, so that even the first customer's
                # turn finds it in the KV cache (prefix reuse) and only its own part waits.
                from kefu.dialogue.prompts import build_messages

                for _ in self.llm.stream(build_messages("Hello", []), max_tokens=1):
                    pass

    # -- sessions -------------------------------------------------------------------------
    def start(self, *, channel: str = "cli") -> str:
        return self.conversations.create(channel=channel).id

    def history(self, session_id: str) -> list[ChatMessage]:
        out: list[ChatMessage] = []
        for m in self.conversations.history(session_id, limit=12):
            role = "assistant" if m.role in ("assistant", "agent") else m.role
            if role in ("user", "assistant"):
                out.append(ChatMessage(role, m.content))  # type: ignore[arg-type]
        return out

    # -- one turn -------------------------------------------------------------------------
    def ask(self, text: str, *, session_id: str | None = None) -> Answer:
        answer: Answer | None = None
        for piece in self.stream(text, session_id=session_id):
            if isinstance(piece, Answer):
                answer = piece
        assert answer is not None
        return answer

    def stream(self, text: str, *, session_id: str | None = None) -> Iterator[str | Answer]:
        """Yield reply text as it is produced, then the final `Answer` (also stored)."""
        yield from self.respond(self.prepare(text, session_id=session_id))

    def prepare(self, text: str, *, session_id: str | None = None) -> PreparedTurn:
        """A turn's first phase: clean, read the history, plan. Uses the index, not the LLM."""
        started = time.perf_counter()
        message = clean_message(text)
        # Markup is kept as the customer typed it but answers only by its words: an
        # `onerror=alert(1)` attribute must not match an FAQ about account alerts.
        words = plain_text(message)
        history = self.history(session_id) if session_id else []
        plan = self.plan(words, history)
        if plan.handoff and plan.mode != "generated" and self._waiting(session_id):
            # Already in the queue: the customer is not told of a new transfer each turn.
            plan.text = messages.already_waiting(plan.text)
        notice = f"{plan.lead}\n\n" if plan.lead else ""
        notice += card_data_notice(message, plan.language, hidden=self.settings.redact_pii_storage)
        notice += other_language_notice(plan)
        number = self.settings.emergency_number_for(plan.language)
        notice += after_emergency.reminder(plan, history, number, words)
        notice += claim_outcome_notice(words, plan.language, plan.mode)
        traditional = self.in_customer_script(plan, words, history)
        notice = messages.in_script(notice, traditional)
        return PreparedTurn(message, words, history, plan, notice, session_id, started, traditional)

    def respond(self, turn: PreparedTurn) -> Iterator[str | Answer]:
        """A turn's second phase: the reply (the LLM only where ``turn.needs_model``), stored."""
        message, words, plan, notice = turn.message, turn.words, turn.plan, turn.notice
        history, session_id, started = turn.history, turn.session_id, turn.started
        if notice:
            yield notice
        if plan.mode == "generated":
            pieces: list[str] = []
            generated = self._generate(words, plan, history)
            if turn.traditional:
                # The model writes the script it likes: a traditional writer still reads
                # traditional, streamed as it is stored (`traditional_stream`).
                generated = traditional_stream(generated)
            for piece in generated:
                pieces.append(piece)
                yield piece
            reply = "".join(pieces).strip()
            if not reply:  # a model that says nothing must not leave the customer with nothing
                plan.mode = "extractive"
                reply = self._extract(words, plan, traditional=turn.traditional)
                yield reply
        else:
            reply = plan.text
            if plan.mode == "extractive":
                reply = self._extract(words, plan, traditional=turn.traditional)
            yield reply
        reply = notice + reply
        answer = Answer(
            text=reply,
            sources=[Source(p.entry.id, p.entry.title, p.score) for p in plan.passages],
            confidence=plan.confidence,
            handoff=plan.handoff,
            language=plan.language,
            mode=plan.mode,
            latency_ms=(time.perf_counter() - started) * 1000.0,
            session_id=session_id,
            intent=intent_of(plan),
            reason=plan.reason,
            related=related_questions(plan),
        )
        if session_id:
            self._record(session_id, message, answer)
        yield answer

    def plan(self, message: str, history: list[ChatMessage]) -> Plan:
        language = self._language(message, history)
        kind = triage(message)
        number = self.settings.emergency_number_for(language)
        if kind != "emergency" and (
            (earlier := still_in_danger(message, history, number)) is not None
            or (earlier := crisis_before(message, history)) is not None
        ):
            # "我好怕" right after an emergency reply: the emergency goes on (still_in_danger.py);
            # "going to take them now" after "i have the pills": one told in pieces (across_turns)
            return self._emergency_plan(f"{earlier}\n{message}".strip(), language, [], 0.0)
        # "Get me a person, I've taken all my pills": a request answered before retrieval must not
        # hide an emergency the rules' words missed; the learned head reads its meaning first.
        if kind in ("human", "data_request") and self._learned_emergency(
            message, self._vector(message), language
        ):
            return self._possible_emergency_plan(message, language)
        if kind != "emergency":  # "can we just wait?" soon after an emergency reply
            waiting = after_emergency.waiting_plan(message, language, history, number)
            if waiting is not None:
                return waiting
        if kind == "none" and (told := romance_told(message, history)) is not None:
            kind, message = "romance_scam", f"{told}\n{message}"  # "should I just pay him?"
        if kind == "human":
            return person_plan(language, "customer asked for a person")
        if kind == "data_request":
            text = self._reply("data_request", language)
            reason = "personal data request"
            return Plan("declined", language, handoff=True, text=text, reason=reason)
        if kind in ("greeting", "thanks", "praise"):
            return smalltalk_plan(kind, language, history=history, emergency_number=number)
        parts = split_questions(message) if kind == "none" else []
        if parts:  # several questions at once: each answered, or named as unanswered
            combined = multipart.combine(parts, lambda part: self.plan(part, history), language)
            if combined is not None:
                return combined
        if kind == "injection":
            # Nothing is retrieved: the attacker's words choose no passage either. But an
            # emergency the rules' words missed may be wrapped in the attack: its meaning is read.
            if self._learned_emergency(message, self._vector(message), language):
                return self._possible_emergency_plan(message, language)
            text = self._reply(SAFETY_REPLY[kind], language)
            # A plain question beside the attempt is still answered, from a curated entry only.
            question = question_beside(message, triage)
            answer = self.plan(question, history) if question else None
            if answer is not None and answer.mode == "curated" and answer.passages:
                return Plan(
                    "curated",
                    language,
                    answer.passages,
                    answer.confidence,
                    answer.handoff,
                    f"{text}\n\n{answer.text}",
                    reason="injection attempt, question answered",
                )
            return Plan("declined", language, text=text, reason="injection attempt")
        # An earlier attack turn must not steer what a follow-up retrieves either.
        result, confidence, vector = self._retrieve(message, safe_history(history))
        # "What time do you open?" in a clinic chat: not the bank's hours (source_pick.py).
        own = source_pick.pick(message, safe_history(history), result, self.kb)
        if own is not None:
            result, confidence = own, self.confidence.predict(own.features)
        # Not over a request for a medicine without a prescription: its drug names ("diazepam
        # to help me sleep") read as an overdose to the head, and the rules judged it already.
        # Nor over a customer's threat or a grooming report: their own fixed replies and queue
        # reasons fit better than the ambulance's ("我要去弄死他" read as one before).
        # The head's verdict alone is uncertain (it flags bereavement, a past fall, a dose
        # question): the hedged line and a person come first, and the question is still
        # answered the ordinary way; the business's emergency entry leads only where the rules
        # found an emergency (docs/safety.md).
        # Nor over a report against staff: "居服員好像拿了我媽的金項鍊" read as one before.
        # Nor over a romance scam or sextortion: "他妈妈住院了 找我借两万" got the ambulance.
        head_may_override = kind not in NOT_FOR_THE_HEAD
        possible = head_may_override and self._learned_emergency(message, vector, language)
        # Knowledge-base text is data: sentences addressed to the assistant never get further.
        passages = clean_passages(result.passages)
        top_gone = not passages or passages[0].entry.id != result.passages[0].entry.id
        held = None
        if result.passages and top_gone:
            confidence = 0.0  # the confidence was about a passage that is gone: trust nothing
            held = held_back_reason(result.passages[0].entry)
        if kind == "emergency":
            return self._emergency_plan(message, language, passages, confidence)
        if kind in FIXED_REPLY:
            plan = self._safety_plan(kind, message, language, passages, confidence)
            return self._hedged(plan, message, language) if possible else plan
        plan = decide(
            passages=passages,
            confidence=confidence,
            language=language,
            model_languages=self._model_languages(),
            thresholds=self.confidence,
            curated_threshold=self.settings.curated_threshold,
            answer_threshold=self.settings.answer_threshold,
            across=result.features.get(CROSS_FLAG, 0.0) >= 0.5,
        )
        # A curated answer about other places or payment methods than the question names is
        # none: answer from the entry saying which are served, or decline (coverage.py).
        plan = coverage.check(plan, message, passages)
        if plan.mode == "curated" and plan.passages:  # "会。" answers its own question only
            plan.text = fit_lead(message, plan.passages[0].entry.text, plan.text)
        if kind == "none":  # "多久有结果" after the appeal rule, which says 7天内回复
            plan = last_entry.replan(
                plan, message, history, self.kb.index.entries, self.kb.tokenizer
            )
        if plan.mode == "declined":
            plan.text = messages.reply("decline", language)
            if held is not None:  # the admin sees why a known question went to a person
                plan.reason, plan.handoff = held, True
                _log.warning("%s", held)
        elif (
            plan.mode == "curated"
            and leads_with_emergency_number(plan.text, self.settings.emergency_number_for(language))
            # A car-rental's accident entry leads with "if anyone is injured, call 120": asked
            # after a scrape with nobody hurt, it is a how-to, not an emergency for the queue.
            and not no_one_hurt(views(message))
        ):
            # The business's own emergency entry matched a message the triage rules missed:
            # its text already says what to do, and a person must follow at once.
            plan.handoff = True
            plan.reason = "emergency entry"
        if self._router is not None and kind == "none":  # the rules above always win
            plan = self._router.route(
                message,
                plan,
                curated_threshold=self._curated_threshold(),
                emergency=lambda: self._emergency_plan(message, language, passages, confidence),
            )
        return self._hedged(plan, message, language) if possible else plan

    def _language(self, message: str, history: list[ChatMessage]) -> str:
        """The reply language. A message with no words ("👍", "😡😡") takes the customer's
        earlier one, or else the knowledge base's main language: a Chinese business's customer
        sending an emoji first is not answered in English."""
        from kefu.text.language import detect_language

        if detect_language(message) != "unknown":
            return reply_language(message)
        for m in reversed(history):
            if m.role == "user" and detect_language(m.content) != "unknown":
                return reply_language(m.content)
        languages = [e.language for e in self.kb.index.entries if e.language in ("en", "zh")]
        zh = languages.count("zh")
        return "zh" if zh and zh >= len(languages) - zh else "en"

    def _waiting(self, session_id: str | None) -> bool:
        """Whether the conversation already waits for a person (the service's queue)."""
        if not session_id:
            return False
        return self.conversations.get(session_id).status == "waiting"

    def _model_languages(self) -> tuple[str, ...]:
        configured = self.settings.llm_languages
        if configured:
            return tuple(configured)
        return tuple(self.llm.info.languages)

    def _record(self, session_id: str, message: str, answer: Answer) -> None:
        repo = self.conversations
        reply = answer.text
        if self.settings.redact_pii_storage:
            # The customer saw their own words; what is kept has personal data replaced. The
            # reply is kept as written: it comes from the knowledge base (whose support number
            # and address must survive a reload) and from the earlier messages, kept redacted;
            # only what it repeats of this message's identifiers goes.
            from kefu.guard.pii import redact, redact_repeated

            reply = redact_repeated(reply, message)
            message = redact(message)
        # One transaction: a question is never kept without its answer, nor the other way.
        asked = {"role": "user", "content": message, "language": answer.language}
        said = {
            "role": "assistant",
            "content": reply,
            "sources": [s.as_dict() for s in answer.sources],
            "confidence": answer.confidence,
            "handoff": answer.handoff,
            "mode": answer.mode,
            "latency_ms": answer.latency_ms,
            "language": answer.language,
        }
        repo.add_messages(session_id, [asked, said])
