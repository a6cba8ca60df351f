"""GET /api/chat/settings: what the customer chat page shows that the business chose.

Public (the page asks before any conversation exists) and small: only texts meant for every
customer's eyes.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from kefu.service.deps import StateDep
from kefu.service.schemas import ChatSettingsOut

router = APIRouter(prefix="/api/chat", tags=["conversations"])


@router.get("/settings", response_model=ChatSettingsOut)
def chat_settings(state: StateDep, response: Response) -> ChatSettingsOut:
    """The welcome line in each language (``KEFU_WELCOME``, ``KEFU_WELCOME_ZH``); null where
    the business set none and the page's own neutral greeting is shown."""
    settings = state.settings if state.settings is not None else state.assistant.settings
    response.headers["Cache-Control"] = "no-cache"
    return ChatSettingsOut(welcome_en=settings.welcome, welcome_zh=settings.welcome_zh)
