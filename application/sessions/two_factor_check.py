"""Checking a second factor: a current one-time code, or one of the recovery codes."""

from datetime import datetime

from application.ports.clock import Clock
from application.ports.security import OneTimeCodes, OpaqueTokens
from domain.sessions.session import AuthMethod
from domain.sessions.two_factor import TwoFactor


class TwoFactorCheck:
    """Spends a code on a record: a TOTP code of a step later than the last one accepted, or
    an unused recovery code. Returns how the user authenticated, or None for a wrong code;
    the caller commits (the record's version guards against a racing use of the same code)."""

    def __init__(self, codes: OneTimeCodes, opaque: OpaqueTokens, clock: Clock) -> None:
        self.codes = codes
        self._opaque = opaque
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.now()

    def new_recovery_codes(self) -> tuple[list[str], list[str]]:
        """Fresh recovery codes to show once, and their digests to store."""
        shown = self.codes.new_recovery_codes(TwoFactor.RECOVERY_CODES)
        return shown, [self.recovery_digest(code) for code in shown]

    def recovery_digest(self, code: str) -> str:
        normalised = code.strip().lower().replace("-", "").replace(" ", "")
        return self._opaque.digest(normalised)

    def spend(self, record: TwoFactor, code: str, *, recovery: bool = True) -> AuthMethod | None:
        step = self.codes.step_of(record.secret, code, self.now())
        if step is not None:
            if not record.accepts_step(step):
                return None  # replayed within its window
            record.use_step(step)
            return AuthMethod.PASSWORD_TOTP
        if (
            recovery
            and record.is_on
            and record.use_recovery_code(self.recovery_digest(code), self.now())
        ):
            return AuthMethod.PASSWORD_RECOVERY_CODE
        return None
