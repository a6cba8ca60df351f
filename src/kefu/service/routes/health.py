"""GET /health: is the service up (and are its models loaded)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from kefu import __version__
from kefu.service.deps import StateDep
from kefu.service.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
async def health(state: StateDep, response: Response) -> HealthOut:
    if state.problem is not None:
        # 503 as well as the body: a load balancer that checks only the status takes this
        # process out of rotation.
        response.status_code = 503
        return HealthOut(version=__version__, ready=False, reason=state.problem)
    return HealthOut(version=__version__, ready=state.ready)
