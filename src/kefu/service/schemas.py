"""Request and response bodies of the HTTP API (separate from the storage records)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
)
from pydantic_core import PydanticCustomError

from kefu.storage.models import MAX_ROW_ID


def _whole_characters(value: str) -> str:
    """JSON may escape half of a UTF-16 pair ("\\ud800"), which Python reads as a lone
    surrogate: no character, and nothing can store, search or show it (the codec's own error
    came back to the client as a 400 before)."""
    lone = _SURROGATE.search(value)
    if lone is not None:
        code, at = ord(lone.group()), lone.start()
        raise PydanticCustomError(
            "lone_surrogate",
            f"holds \\u{code:04x} at character {at}: half of a UTF-16 surrogate pair, not a "
            "character (a \\uXXXX escape above U+FFFF comes as a pair)",
        )
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Text from the client: any string of whole characters.
Text = Annotated[str, AfterValidator(_whole_characters)]
COMMENT_MAX = 2000


def _comment_length(value: str) -> str:
    # Checked here, after `_whole_characters`, not with Field(max_length=...): a length limit
    # on the optional field reads "at most 2000 items", and on the string it makes pydantic
    # refuse half a surrogate pair with its own "unable to parse raw data" before ours runs.
    if len(value) > COMMENT_MAX:
        raise PydanticCustomError(
            "string_too_long",
            f"String should have at most {COMMENT_MAX} characters, not {len(value)}",
        )
    return value


#: A feedback comment: whole characters, at most COMMENT_MAX of them.
Comment = Annotated[str, AfterValidator(_whole_characters), AfterValidator(_comment_length)]


class ErrorOut(BaseModel):
    error: Any = Field(description="What went wrong, in words (an object on /v1 routes).")


class HealthOut(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    ready: bool = Field(description="True once the assistant's models and index are loaded.")
    reason: str | None = Field(
        default=None,
        description="Why the server is not ready although it started (e.g. its master key "
        "does not match the database); null otherwise.",
    )


class ConversationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str | None = Field(
        None,
        min_length=1,
        max_length=64,
        pattern=r"^[\w.@:+\-]+$",
        description="Your own id for the customer, so their data can be exported or erased "
        "together. Only a business backend may set it: the request must carry a staff API key.",
    )


class ConversationCreated(BaseModel):
    id: str
    token: str = Field(
        description="Secret customer token; send it as 'Authorization: Bearer <token>'. "
        "It is shown once and only its hash is stored."
    )


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text = Field(description="The customer's message (1 to 4000 characters).")
    client_id: str | None = Field(
        None,
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The sender's own name for this message, unique in its conversation: "
        "the 'message' events of this turn carry it back, so a page can tell its own "
        "messages from others; and the same message sent again (after a reload or a lost "
        "connection) gets its stored answer instead of being asked twice.",
    )


class ChatSettingsOut(BaseModel):
    welcome_en: str | None = Field(
        None, description="The chat's first line in English (KEFU_WELCOME); null: the page's own."
    )
    welcome_zh: str | None = Field(
        None, description="The same in Chinese (KEFU_WELCOME_ZH); null: the page's own."
    )


class SourceOut(BaseModel):
    id: str
    title: str
    score: float


class RelatedOut(BaseModel):
    id: str
    question: str = Field(description="The FAQ entry's question, as the business wrote it.")


class IntentOut(BaseModel):
    label: str
    route: str = Field(description="answer, human, emergency, smalltalk or oos")
    confidence: float


class AnswerOut(BaseModel):
    answer: str
    sources: list[SourceOut]
    related: list[RelatedOut] = Field(
        default_factory=list,
        description="Only beside a decline for low confidence: up to 3 FAQ questions near the "
        "customer's (the web chat offers them as buttons that send the question).",
    )
    confidence: float
    handoff: bool = Field(
        description="True when this turn put the conversation in the agents' queue; false "
        "when it was there or with a person already."
    )
    language: str
    mode: str = Field(
        description="curated, generated, extractive, declined, smalltalk; or 'agent' when a "
        "person holds the conversation (the bot stays silent and 'answer' is empty: the "
        "person's reply arrives on /events). An emergency is answered in every state: "
        "while a person holds the conversation, it gets the bot's emergency reply too."
    )
    latency_ms: float
    conversation_id: str | None = None
    message_id: int | None = Field(
        None,
        description="Id of the stored answer (for thumbs); when mode is 'agent' there is no "
        "answer, and it is the customer's message (as user_message_id).",
    )
    user_message_id: int | None = Field(
        None, description="Id of the customer's stored message of this turn."
    )
    status: str = Field("bot", description="The conversation's state after this turn.")
    intent: IntentOut | None = Field(
        default=None, description="The intent classifier's verdict, where one is configured."
    )


class MessageOut(BaseModel):
    id: int | None = None
    role: str
    content: str
    created_at: datetime
    sources: list[SourceOut] = []
    confidence: float | None = None
    handoff: bool | None = None
    mode: str | None = None
    client_id: str | None = Field(
        None, description="The client id the customer's message was sent with, if any."
    )


class HistoryOut(BaseModel):
    conversation_id: str
    status: str = "bot"
    rating: int | None = Field(None, description="The customer's 1-5 rating, once given.")
    messages: list[MessageOut]


class ConversationOut(BaseModel):
    id: str
    status: str = Field(
        description="bot, waiting (for a person), agent (a person holds it), closed"
    )
    language: str | None = None
    created_at: datetime
    updated_at: datetime
    assigned_agent: str | None = None
    handoff_reason: str | None = None
    priority: int = 0
    waiting_since: datetime | None = None
    taken_at: datetime | None = Field(
        None, description="When the person holding the conversation took it (status 'agent')."
    )
    message_count: int = 0
    rating: int | None = None


def _not_a_bool(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be the number 1 or -1, not true or false")
    return value


class FeedbackIn(BaseModel):
    # Strict: "5", true or 5.0 would otherwise be read as numbers and stored as given ones.
    model_config = ConfigDict(extra="forbid", strict=True)

    message_id: int = Field(ge=1, le=MAX_ROW_ID, description="The assistant answer being rated.")
    # strict=True still lets True through a Literal[1] (True == 1): refused by hand.
    value: Annotated[Literal[1, -1], BeforeValidator(_not_a_bool)] = Field(
        description="1 thumbs up, -1 thumbs down."
    )
    comment: Comment | None = None


class RatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # as FeedbackIn

    value: int = Field(ge=1, le=5, description="1 (poor) to 5 (excellent), a JSON integer.")
    comment: Comment | None = None


class FeedbackOut(BaseModel):
    id: int
    kind: str
    value: int


# -- staff ----------------------------------------------------------------------------------
class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text = Field(min_length=1, max_length=64)
    password: Text = Field(min_length=1, max_length=256)


class LoginOut(BaseModel):
    token: str
    name: str
    role: str
    expires_at: int = Field(description="Unix time the session ends (0 for API keys).")


class MeOut(BaseModel):
    name: str
    role: str
    expires_at: int = Field(description="Unix time the session ends (0 for API keys).")


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text = Field(description="The agent's message (1 to 4000 characters).")


class QueueItemOut(ConversationOut):
    first_question: str | None = Field(
        None,
        description="The customer's first message as stored (personal data replaced), "
        "shortened to 120 characters: enough to pick whom to help first.",
    )


class QueueOut(BaseModel):
    waiting: list[QueueItemOut] = Field(
        description="One page of the waiting conversations, most urgent then longest waiting "
        "first: 'limit' of them from the 'offset'-th on."
    )
    waiting_total: int = Field(
        description="How many conversations wait in all: more than 'waiting' holds when the "
        "queue is longer than one page (ask again with offset = offset + limit)."
    )
    offset: int
    limit: int
    mine: list[QueueItemOut] = Field(description="The conversations this agent holds.")


class SuggestionOut(BaseModel):
    text: str = Field(description="A draft reply from the knowledge base; empty if none fits.")
    sources: list[SourceOut]
    confidence: float


class AgentConversationOut(BaseModel):
    conversation: ConversationOut
    summary: str
    messages: list[MessageOut]
    sources_used: list[SourceOut]
    suggestion: SuggestionOut


class KnowledgeSourceOut(BaseModel):
    id: int
    name: str
    kind: str
    entries: int
    updated_at: datetime


class KnowledgeAddOut(BaseModel):
    added: list[str]
    unchanged: list[str]
    entries: int
    # Lines of the file held back as instructions to the assistant (`kefu.guard.documents`):
    # stored, never shown to a customer; the page says so, as `kefu kb add` does.
    withheld_lines: int = 0
    # Files whose earlier version the upload replaced (the same name, uploaded here before or
    # added with `kefu kb add`), and how many other sources share the name where none was
    # replaced because it was not clear which (the page asks to delete the one not wanted).
    replaced: list[str] = []
    also_named: int = 0


# -- OpenAI-compatible --------------------------------------------------------------------
class OpenAIContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: Text | None = None


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[OpenAIContentPart] | None = None

    # Checked after the union is resolved: as a member of the union, a Text would add the
    # list member's own complaint to the error.
    @field_validator("content")
    @classmethod
    def _whole(cls, value: object) -> object:
        return _whole_characters(value) if isinstance(value, str) else value

    def text(self) -> str:
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "".join(p.text or "" for p in self.content if p.type == "text")


class ChatCompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, ...: accepted, unused

    model: str = "kefu"
    messages: list[OpenAIMessage] = Field(min_length=1)
    # Strict: "yes" or "false" (a string) must not switch streaming on or off.
    stream: bool = Field(False, strict=True)


class KefuExtra(BaseModel):
    sources: list[SourceOut]
    confidence: float
    handoff: bool
    mode: str
    language: str


class ChatCompletionMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class ChatCompletionChoice(BaseModel):
    index: int = 0
    message: ChatCompletionMessage
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatCompletionChoice]
    usage: Usage = Usage()
    kefu: KefuExtra


class ModelOut(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "kefu"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelOut]


class SourceDetailOut(BaseModel):
    id: str
    title: str
    text: str = Field(description="The curated answer of an FAQ pair, or the passage itself.")
    question: str | None = Field(None, description="The FAQ question, for FAQ pairs.")
