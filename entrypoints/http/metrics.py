"""HTTP metrics: every request counted and timed by method, route template and status; a
refused log-in counted as a login failure."""

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adapters.metrics import HTTP_IN_PROGRESS, HTTP_LATENCY, HTTP_REQUESTS, LOGIN_FAILURES
from entrypoints.http.routes import route_template

# Routes whose 401 is a refused log-in (the native OAuth2 endpoint and RealWorld's).
LOGIN_ROUTES = frozenset({"/token", "/api/users/login"})


class MetricsMiddleware:
    """Pure ASGI, next to the access log, so both see the same status and route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method, root_path = scope["method"], str(scope.get("root_path", ""))
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        HTTP_IN_PROGRESS.inc()
        try:
            await self.app(scope, receive, recording_send)
        finally:
            HTTP_IN_PROGRESS.dec()
            route = route_template(scope, root_path)
            labels = {"method": method, "route": route, "status": str(status)}
            HTTP_REQUESTS.labels(**labels).inc()
            HTTP_LATENCY.labels(**labels).observe(time.perf_counter() - started)
            if status == 401 and route in LOGIN_ROUTES:
                LOGIN_FAILURES.inc()
