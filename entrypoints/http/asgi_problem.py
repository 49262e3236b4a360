"""Problem replies sent by pure-ASGI middleware, before any route or handler runs: to an HTTP
request, or to a WebSocket handshake as the HTTP response that refuses it."""

import json
from collections.abc import Mapping

from starlette.types import Scope, Send

from entrypoints.http.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_PREFIX
from entrypoints.http.schemas.common import Problem

REALWORLD_PREFIX = "/api"  # entrypoints.realworld.app.PREFIX, which imports the container
# The ASGI extension that lets an app refuse a WebSocket handshake with an HTTP response of its
# own (uvicorn offers it); without it, a close before accept is a bare 403.
DENIAL_RESPONSE = "websocket.http.response"
POLICY_VIOLATION = 1008
# The messages that carry a response (``<prefix>.start``, ``<prefix>.body``) by scope type: a
# request's, or the one refusing a WebSocket handshake.
RESPONSE_MESSAGES = {"http": "http.response", "websocket": DENIAL_RESPONSE}


async def send_problem(
    scope: Scope,
    send: Send,
    status: int,
    *,
    kind: str,
    title: str,
    detail: str,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, str] | None = None,
) -> None:
    """Send a whole application/problem+json response for ``scope``; under the RealWorld
    API's prefix, its own error format instead (``{"errors": {"body": [detail]}}``). A
    WebSocket handshake is refused with the same response where the server allows it, else
    closed (the server then answers 403)."""
    if scope["type"] == "websocket" and DENIAL_RESPONSE not in scope.get("extensions", {}):
        await send({"type": "websocket.close", "code": POLICY_VIOLATION})
        return
    messages = RESPONSE_MESSAGES[scope["type"]]
    path: str = scope.get("path", "")
    if path == REALWORLD_PREFIX or path.startswith(REALWORLD_PREFIX + "/"):
        media_type = "application/json; charset=utf-8"  # as every RealWorld reply
        document: dict[str, object] = {"errors": {"body": [detail]}}
    else:
        media_type = PROBLEM_MEDIA_TYPE
        problem = Problem(
            type=PROBLEM_TYPE_PREFIX + kind,
            title=title,
            status=status,
            detail=detail,
            instance=path,
            **(extra or {}),
        )
        document = problem.model_dump(mode="json")
    body = json.dumps(document, separators=(",", ":")).encode()
    raw_headers = [
        (b"content-type", media_type.encode()),
        (b"content-length", str(len(body)).encode()),
        *(
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in (headers or {}).items()
        ),
    ]
    await send({"type": f"{messages}.start", "status": status, "headers": raw_headers})
    await send({"type": f"{messages}.body", "body": body})


async def send_unavailable(scope: Scope, send: Send, detail: str, retry_after: int) -> None:
    """A 503 ``service-unavailable`` problem (the error table's kind for ServiceUnavailable)
    with Retry-After, for a middleware that refuses before any handler runs."""
    await send_problem(
        scope,
        send,
        503,
        kind="service-unavailable",
        title="Service unavailable",
        detail=detail,
        headers={"retry-after": str(retry_after)},
    )
