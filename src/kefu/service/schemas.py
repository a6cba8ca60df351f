"""Request and response bodies of the HTTP API (separate from the storage records)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorOut(BaseModel):
    error: Any = Field(description="What went wrong, in words (an object on /v1 routes).")


class HealthOut(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    ready: bool = Field(description="True once the assistant's models and index are loaded.")


class ConversationCreated(BaseModel):
    id: str
    token: str = Field(
        description="Secret customer token; send it as 'Authorization: Bearer <token>'. "
        "It is shown once and only its hash is stored."
    )


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The customer's message (1 to 4000 characters).")


class SourceOut(BaseModel):
    id: str
    title: str
    score: float


class AnswerOut(BaseModel):
    answer: str
    sources: list[SourceOut]
    confidence: float
    handoff: bool
    language: str
    mode: str
    latency_ms: float
    conversation_id: str | None = None


class MessageOut(BaseModel):
    role: str
    content: str
    created_at: datetime
    sources: list[SourceOut] = []
    confidence: float | None = None
    handoff: bool | None = None
    mode: str | None = None


class HistoryOut(BaseModel):
    conversation_id: str
    messages: list[MessageOut]


# -- OpenAI-compatible --------------------------------------------------------------------
class OpenAIContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[OpenAIContentPart] | None = None

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
    stream: bool = False


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
