"""GET /metrics in Prometheus's text format, on the API's port unless FOLIO_METRICS_PORT moves
it to a port of its own; behind a bearer token when FOLIO_METRICS_TOKEN is set."""

import secrets

from fastapi import APIRouter, HTTPException, Request, Response

from entrypoints.http.media_types import MediaTypeCheckedRoute

router = APIRouter(tags=["operations"], route_class=MediaTypeCheckedRoute)


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
async def metrics(request: Request) -> Response:
    """Request counts and latencies by route and status, database pool use, and the other
    series listed in docs/operations.md."""
    token: str | None = request.app.state.metrics_token
    if token is not None:
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(
                401, detail="a metrics token is required", headers={"WWW-Authenticate": "Bearer"}
            )
    exposition = request.app.state.metrics_exposition
    return Response(await exposition.render(), media_type=exposition.content_type)
