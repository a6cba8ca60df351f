"""kefu's HTTP service (FastAPI): conversations for web widgets and an OpenAI-compatible API.

Needs the ``serve`` extra (fastapi, uvicorn). Importing this package does no work; build the
app with `kefu.service.app.create_app` and run it with ``kefu serve``.
"""

from __future__ import annotations
