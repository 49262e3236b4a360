"""Liveness and readiness, for load balancers and orchestrators."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from application.health.check_readiness import CheckReadiness
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.problems import problem_response
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(tags=["operations"], route_class=MediaTypeCheckedRoute)
NOT_READY_RETRY_AFTER = "5"
LIVENESS = "/healthz"
READINESS = "/readyz"
PATHS = frozenset({LIVENESS, READINESS})  # probes pass every gate that could hide the answer


class Health(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ok", "checks": {"database": "ok"}}]}
    )

    status: str
    checks: dict[str, str] = {}


@router.get(LIVENESS, response_model=Health)
async def healthz() -> Health:
    """The process is alive and serving; says nothing of the database."""
    return Health(status="ok")


@router.get(READINESS, response_model=Health, responses=problem_responses(503))
async def readyz(
    request: Request,
    check: Annotated[CheckReadiness, Depends(Inject[Container.operations.check_readiness])],
) -> Health | JSONResponse:
    """Ready when the database is reachable and at the latest migration, and Redis (when
    configured) answers; otherwise a 503 problem saying why."""
    readiness = await check()
    if readiness.ready:
        return Health(status="ok", checks=readiness.checks)
    return problem_response(
        request,
        503,
        kind="not-ready",
        title="Not ready",
        detail="; ".join(readiness.problems),
        headers={"Retry-After": NOT_READY_RETRY_AFTER},
    )
