"""Per-client-address rate limits, before any other work: sensitive routes (login,
registration, password change and reset, token refresh) have their own rules, WebSocket
connects theirs, and everything else a default one. Failed logins from one address are
slowed down more and more, then refused. A refusal is a 429 problem with Retry-After and the
IETF RateLimit headers. The per-account login limit lives in the LogIn use case."""

import re
from dataclasses import dataclass

import anyio
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adapters.audit import LoggingAuditTrail
from adapters.limits.limiter import Limiter, LimiterUnavailable, Rule, Verdict
from adapters.metrics import RATE_LIMIT_REJECTIONS
from entrypoints.container import Container
from entrypoints.http.asgi_problem import send_problem, send_unavailable
from entrypoints.http.client_address import ClientAddresses
from entrypoints.http.routers import health

# The native API's and the RealWorld API's paths, and engineer-to-come flows by their names.
AUDIT = LoggingAuditTrail()
UNAVAILABLE_RETRY_SECONDS = 5
LOGIN_PATHS = re.compile(r"^/(token|api/users/login|token/totp|sessions/totp|auth/totp)/?$")
REGISTER_PATHS = re.compile(r"^/(users|api/users)/?$")
# Every request that checks the current password (changing it, the e-mail address, or deleting
# the account: DELETE /me) or sets a new one by a reset link.
PASSWORD_PATHS = re.compile(
    r"^/(me/password|me/email|password[-_/]?resets?(/.*)?|api/user/password)/?$"
)
ACCOUNT_DELETION_PATHS = re.compile(r"^/me/?$")
REFRESH_PATHS = re.compile(r"^/(token/refresh|sessions/refresh|auth/refresh)/?$")


@dataclass(frozen=True, slots=True)
class RouteRule:
    """``rule`` counts requests with one of ``methods`` to paths matching ``paths``, per
    client address."""

    paths: re.Pattern[str]
    rule: Rule
    methods: frozenset[str] = frozenset({"POST"})

    def covers(self, method: str, path: str) -> bool:
        return method in self.methods and self.paths.match(path) is not None


@dataclass(frozen=True, slots=True)
class LoginDelay:
    """Failed logins per address: from ``after`` failures on, each attempt waits
    ``base_seconds`` doubled per further failure, at most ``max_seconds``; past the rule's
    limit, 429."""

    failures: Rule
    after: int
    base_seconds: float = 0.25
    max_seconds: float = 8.0

    def seconds(self, failed: int) -> float:
        if failed < self.after:
            return 0.0
        return float(min(self.max_seconds, self.base_seconds * 2 ** (failed - self.after)))


def rate_limit_headers(verdict: Verdict) -> dict[str, str]:
    """Retry-After and the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers)."""
    return {
        "Retry-After": str(verdict.reset_seconds),
        "RateLimit-Policy": f'"{verdict.rule}";q={verdict.limit};w={verdict.window_seconds}',
        "RateLimit": f'"{verdict.rule}";r={verdict.remaining};t={verdict.reset_seconds}',
        "RateLimit-Limit": str(verdict.limit),
        "RateLimit-Remaining": str(verdict.remaining),
        "RateLimit-Reset": str(verdict.reset_seconds),
    }


async def send_too_many(scope: Scope, send: Send, verdict: Verdict, detail: str) -> None:
    AUDIT.record("rate-limit", outcome=f"limited:{verdict.rule}")
    RATE_LIMIT_REJECTIONS.labels(limit=verdict.rule).inc()
    await send_problem(
        scope,
        send,
        429,
        kind="rate-limited",
        title="Too many requests",
        detail=detail,
        headers=rate_limit_headers(verdict),
    )


class RateLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        limiter: Limiter,
        addresses: ClientAddresses,
        routes: list[RouteRule],
        default: Rule,
        websocket: Rule,
        login: LoginDelay,
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.addresses = addresses
        self.routes = routes
        self.default = default
        self.websocket = websocket
        self.login = login

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        try:
            await self._limited(scope, receive, send)
        except LimiterUnavailable:
            if scope["type"] == "http" and scope["path"] in health.PATHS:
                await self.app(scope, receive, send)  # the probes still say what is wrong
            else:
                # The counts cannot be kept (Redis is down): refuse rather than go unlimited.
                detail = "the rate limits cannot be checked at the moment; try again shortly"
                await send_unavailable(scope, send, detail, UNAVAILABLE_RETRY_SECONDS)

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Apply the rule of the request's kind, then pass it on."""
        address = self.addresses.of(scope)
        scope.setdefault("state", {})["client_address"] = address
        if scope["type"] == "websocket":
            verdict = await self.limiter.hit(self.websocket, address)
            if verdict.allowed:
                await self.app(scope, receive, send)
            else:
                await send_too_many(scope, send, verdict, "too many connects from this address")
            return
        path: str = scope["path"]
        post = scope["method"] == "POST"
        if post and LOGIN_PATHS.match(path):
            await self._login(scope, receive, send, address)
            return
        method = scope["method"]
        rule = next((r.rule for r in self.routes if r.covers(method, path)), self.default)
        verdict = await self.limiter.hit(rule, address)
        if not verdict.allowed:
            await send_too_many(scope, send, verdict, "too many requests from this address")
            return
        await self.app(scope, receive, send)

    async def _login(self, scope: Scope, receive: Receive, send: Send, address: str) -> None:
        verdict = await self.limiter.peek(self.login.failures, address)
        if not verdict.allowed:
            await send_too_many(
                scope, send, verdict, "too many failed logins from this address; try later"
            )
            return
        await anyio.sleep(self.login.seconds(verdict.limit - verdict.remaining))
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        if status in (401, 403, 422):  # refused credentials, either API
            await self.limiter.hit(self.login.failures, address)


def rate_limit_middleware(container: Container) -> Middleware:
    """The middleware with the rules of FOLIO_RATE_LIMIT_*."""
    settings = container.settings()
    password = Rule.of("password", settings.rate_limit_password)
    return Middleware(
        RateLimitMiddleware,
        limiter=container.hardening.limiter(),
        addresses=container.hardening.client_addresses(),
        routes=[
            RouteRule(REGISTER_PATHS, Rule.of("register", settings.rate_limit_register)),
            RouteRule(PASSWORD_PATHS, password),
            RouteRule(ACCOUNT_DELETION_PATHS, password, frozenset({"DELETE"})),
            RouteRule(REFRESH_PATHS, Rule.of("refresh", settings.rate_limit_refresh)),
        ],
        default=Rule.of("default", settings.rate_limit_default),
        websocket=Rule.of("websocket", settings.rate_limit_websocket),
        login=LoginDelay(
            Rule.of("login-address", settings.rate_limit_login_address),
            after=settings.rate_limit_login_delay_after,
        ),
    )
