"""The per-account login limit: failures counted per login, a success starts afresh."""

from adapters.limits.limiter import Limiter, Rule
from adapters.metrics import RATE_LIMIT_REJECTIONS
from application.errors import TooManyRequests
from application.ports.security import LoginAttempts


class LimitsLoginAttempts(LoginAttempts):
    def __init__(self, limiter: Limiter, rule: Rule) -> None:
        self._limiter = limiter
        self._rule = rule

    async def check(self, login: str) -> None:
        verdict = await self._limiter.peek(self._rule, login)
        if not verdict.allowed:
            RATE_LIMIT_REJECTIONS.labels(limit=self._rule.name).inc()
            raise TooManyRequests(
                "too many failed logins for this account; try again later",
                retry_after=verdict.reset_seconds,
                limit=verdict.limit,
                window=verdict.window_seconds,
                policy=self._rule.name,
            )

    async def failed(self, login: str, reason: str) -> None:
        await self._limiter.hit(self._rule, login)

    async def succeeded(self, login: str) -> None:
        await self._limiter.reset(self._rule, login)


class UnlimitedLoginAttempts(LoginAttempts):
    """Rate limits switched off (FOLIO_RATE_LIMIT_ENABLED=false): nothing is counted."""

    async def check(self, login: str) -> None:
        return None

    async def failed(self, login: str, reason: str) -> None:
        return None

    async def succeeded(self, login: str) -> None:
        return None
