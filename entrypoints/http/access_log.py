"""Every request logged once, when its response has been sent, with the request id, method,
route template, status, duration and the caller's user id (never the path or query string,
which may carry an e-mail address, nor any header)."""

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from entrypoints.http.routes import route_template

logger = logging.getLogger("folio.access")
USER_ID_STATE = "user_id"  # set on request.state by the authentication dependencies


class AccessLogMiddleware:
    """Pure ASGI, inside the request-id middleware and outside the one that answers unexpected
    errors, so the 500s it sends are logged here too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method, root_path = scope["method"], str(scope.get("root_path", ""))
        state = scope.setdefault("state", {})
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            level = logging.WARNING if status >= 500 else logging.INFO
            if logger.isEnabledFor(level):  # logger.log's own first check, before the line
                duration_ms = round((time.perf_counter() - started) * 1000, 2)
                route = route_template(scope, root_path)
                user_id = state.get(USER_ID_STATE)
                logger.log(
                    level,
                    "%s %s %d %.1f ms",
                    method,
                    route,
                    status,
                    duration_ms,
                    extra={
                        "request_id": state.get("request_id"),
                        "method": method,
                        "route": route,
                        "status": status,
                        "duration_ms": duration_ms,
                        "user_id": None if user_id is None else str(user_id),
                    },
                )
