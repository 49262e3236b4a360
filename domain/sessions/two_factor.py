"""Two-factor login with time-based one-time passwords (RFC 6238), and recovery codes."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from domain.errors import Conflict
from domain.events import Aggregate
from domain.ids import UserId


class TwoFactorAlreadyOn(Conflict):
    def __init__(self) -> None:
        super().__init__("two-factor login is already on; disable it first")


@dataclass(frozen=True, slots=True)
class RecoveryCode:
    """A single-use code, kept as a digest only."""

    digest: str
    used_at: datetime | None = None


@dataclass(eq=False, kw_only=True)
class TwoFactor(Aggregate):
    """A user's TOTP secret: pending until a first code confirms it, then required at login.
    ``last_step`` is the time step of the last code accepted: a code of that step or an
    earlier one is never accepted again, so a code cannot be replayed within its window."""

    RECOVERY_CODES: ClassVar[int] = 10

    id: UserId
    secret: str
    created_at: datetime
    confirmed_at: datetime | None = None
    last_step: int | None = None
    recovery_codes: tuple[RecoveryCode, ...] = field(default_factory=tuple)
    version: int = 0

    @property
    def is_on(self) -> bool:
        return self.confirmed_at is not None

    def accepts_step(self, step: int) -> bool:
        return self.last_step is None or step > self.last_step

    def use_step(self, step: int) -> None:
        self.last_step = step
        self.version += 1

    def confirm(self, step: int, recovery_digests: list[str], now: datetime) -> None:
        if self.is_on:
            raise TwoFactorAlreadyOn()
        self.confirmed_at = now
        self.recovery_codes = tuple(RecoveryCode(d) for d in recovery_digests)
        self.use_step(step)

    def use_recovery_code(self, digest: str, now: datetime) -> bool:
        """Spend the recovery code with this digest; False if there is no such unused code."""
        for index, code in enumerate(self.recovery_codes):
            if code.digest == digest and code.used_at is None:
                codes = list(self.recovery_codes)
                codes[index] = RecoveryCode(digest, now)
                self.recovery_codes = tuple(codes)
                self.version += 1
                return True
        return False

    @property
    def recovery_codes_left(self) -> int:
        return sum(code.used_at is None for code in self.recovery_codes)


class TwoFactorChanged(Conflict):
    """Another transaction changed the record since it was read: a one-time or recovery code
    raced with itself. The later one is refused."""

    def __init__(self) -> None:
        super().__init__("this one-time code was already used")
