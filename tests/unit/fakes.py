"""Test doubles of the ports. Each inherits its port, so a missing method fails at once."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

from limits.aio.storage import MemoryStorage

from adapters.limits.limiter import Limiter, Rule
from adapters.limits.login_attempts import LimitsLoginAttempts
from application.ports.clock import Clock, IdGenerator
from application.ports.security import PasswordHasher

START = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)


class FixedClock(Clock):
    """Time stands still until a test sets or advances it."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def set(self, moment: datetime) -> None:
        self.current = moment

    def advance(self, by: timedelta = timedelta(minutes=1)) -> datetime:
        self.current += by
        return self.current


class SequentialIds(IdGenerator):
    """UUIDs 1, 2, 3... with the counter in the first eight hex digits too, so short id
    suffixes (slugs, usernames) differ as they would for random ids."""

    def __init__(self) -> None:
        self.issued = 0

    def new_id(self) -> UUID:
        self.issued += 1
        return UUID(f"{self.issued:08x}-0000-4000-8000-{self.issued:012x}")


class FakeHasher(PasswordHasher):
    """Readable, deterministic hashes: ``hashed:<password>:v<version>``. Raise
    ``current_version`` to make existing hashes outdated."""

    PREFIX = "hashed:"

    def __init__(self, current_version: int = 1) -> None:
        self.current_version = current_version
        self.verifications = 0  # the expensive step an attacker could time

    async def hash(self, password: str) -> str:
        return f"{self.PREFIX}{password}:v{self.current_version}"

    async def verify(self, password_hash: str | None, password: str) -> bool:
        self.verifications += 1
        if password_hash is None or not password_hash.startswith(self.PREFIX):
            return False
        hashed_password, _, _ = password_hash.removeprefix(self.PREFIX).rpartition(":v")
        return hashed_password == password

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.endswith(f":v{self.current_version}")


class CountingLoginAttempts(LimitsLoginAttempts):
    """The real per-account limit (10 failures per 15 minutes) in memory, counting failures."""

    def __init__(self) -> None:
        super().__init__(Limiter(MemoryStorage()), Rule.of("login-account", "10/15 minutes"))
        self.failures = 0

    async def failed(self, login: str, reason: str) -> None:
        self.failures += 1
        await super().failed(login, reason)
