"""Logins and registrations refused with 503 before their bodies are read while every
password-hashing slot is taken: under a login flood a refusal then costs next to nothing, and
the requests that hash nothing keep their latency."""

import re

from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.security.hashing_pool import BUSY, HashingPool
from entrypoints.http.asgi_problem import send_unavailable

# Requests that verify or hash a password first thing, in both APIs.
HASHING_PATHS = re.compile(r"^/(token|users|api/users/login|api/users)/?$")
RETRY_SECONDS = 1


class HashingGateMiddleware:
    def __init__(self, app: ASGIApp, pool: HashingPool) -> None:
        self.app = app
        self.pool = pool

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.pool.full
            and scope["type"] == "http"
            and scope["method"] == "POST"
            and HASHING_PATHS.match(scope["path"])
        ):
            await send_unavailable(scope, send, BUSY, RETRY_SECONDS)
            return
        await self.app(scope, receive, send)
