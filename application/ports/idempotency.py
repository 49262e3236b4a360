"""Idempotency keys: the first response to a POST with an ``Idempotency-Key`` is kept (24 h)
and replayed for a retry; the key is claimed by the transaction of the request's effect, so
two concurrent requests with one key cannot both take effect."""

from abc import abstractmethod
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Claim:
    """``key`` sent by ``scope`` (a hash of who asked) for a request whose method, path and body
    hash to ``fingerprint``; kept until ``expires_at``."""

    scope: str
    key: str
    fingerprint: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True, slots=True)
class Record:
    """What is kept for a key: its fingerprint, and the response once there is one."""

    fingerprint: str
    response: StoredResponse | None


@dataclass(slots=True)
class PendingClaim:
    """The claim of the request being served, for the unit of work to write with its commit
    (once: ``claimed`` turns true when a commit wrote it)."""

    claim: Claim
    claimed: bool = False
    tried: list[bool] = field(default_factory=list)


pending_claim: ContextVar[PendingClaim | None] = ContextVar("pending_claim", default=None)


def claim_to_write() -> PendingClaim | None:
    """The current request's claim if no commit has written it yet."""
    pending = pending_claim.get()
    return pending if pending is not None and not pending.claimed else None


class IdempotencyStore(Protocol):
    """Where claims and responses live (the database of the units of work, or Redis)."""

    claims_in_transaction: bool
    """True when the unit of work writes claims with its commit; False when ``claim`` must be
    called before the request runs (a store outside the database)."""

    @abstractmethod
    async def find(self, scope: str, key: str, now: datetime) -> Record | None:
        """The unexpired record of ``key`` sent by ``scope``."""

    @abstractmethod
    async def claim(self, claim: Claim) -> bool:
        """Claim the key outside any transaction; False if someone holds it already."""

    @abstractmethod
    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        """Keep ``response`` for the claim (claiming it first if no commit did)."""
