"""GET /health: is the service up (and are its models loaded)."""

from __future__ import annotations

from fastapi import APIRouter

from kefu import __version__
from kefu.service.deps import StateDep
from kefu.service.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
async def health(state: StateDep) -> HealthOut:
    return HealthOut(version=__version__, ready=state.ready)
