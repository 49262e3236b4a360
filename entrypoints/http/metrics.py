"""HTTP metrics: every request counted and timed by method, route template and status; a
refused log-in counted as a login failure."""

import time

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adapters.metrics import HTTP_IN_PROGRESS, HTTP_LATENCY, HTTP_REQUESTS, LOGIN_FAILURES
from entrypoints.http.routes import route_template

# Routes whose 401 is a refused log-in (the native OAuth2 endpoint and RealWorld's).
LOGIN_ROUTES = frozenset({"/token", "/api/users/login"})
# Label sets whose counter and histogram are kept at hand; others are looked up each time.
KEPT_LABEL_SETS = 2048


class MetricsMiddleware:
    """Pure ASGI, next to the access log, so both see the same status and route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # prometheus_client's labels() validates and locks on every call; its children are
        # the same objects each time, so they are looked up once per label set.
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

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
            requests, latency = self._labelled(method, route, status)
            requests.inc()
            latency.observe(time.perf_counter() - started)
            if status == 401 and route in LOGIN_ROUTES:
                LOGIN_FAILURES.inc()

    def _labelled(self, method: str, route: str, status: int) -> tuple[Counter, Histogram]:
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            labels = {"method": method, "route": route, "status": str(status)}
            children = (HTTP_REQUESTS.labels(**labels), HTTP_LATENCY.labels(**labels))
            if len(self._children) < KEPT_LABEL_SETS:
                self._children[key] = children
        return children
