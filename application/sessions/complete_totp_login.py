"""The second step of a two-factor login."""

from dataclasses import dataclass, field

from application.errors import InvalidOneTimeCode, TooManyRequests
from application.ports.audit import AuditTrail
from application.ports.security import LoginAttempts
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import ClientInfo, SessionIssuer, TokenPair
from application.sessions.two_factor_check import TwoFactorCheck


@dataclass(frozen=True, slots=True)
class CompleteTotpLoginCommand:
    challenge: str
    code: str
    client: ClientInfo = field(default_factory=ClientInfo)


class CompleteTotpLogin:
    """A valid challenge (from LogIn, minutes old at most) and a current one-time code, or an
    unused recovery code, begin the session. A code is accepted once: a replay within its
    window is refused like a wrong code. Every wrong code is counted as a failed login
    (LoginAttempts, per user) and raises InvalidOneTimeCode; a bad challenge raises
    InvalidToken. A user whose codes failed too often lately is refused with TooManyRequests
    before any code is checked."""

    def __init__(
        self,
        uow: UnitOfWork,
        check: TwoFactorCheck,
        sessions: SessionIssuer,
        attempts: LoginAttempts,
        audit: AuditTrail,
    ) -> None:
        self._audit = audit
        self._uow = uow
        self._check = check
        self._sessions = sessions
        self._attempts = attempts

    async def __call__(self, command: CompleteTotpLoginCommand) -> TokenPair:
        user_id = self._sessions.read_challenge(command.challenge)
        try:
            await self._attempts.check(str(user_id))
        except TooManyRequests:
            self._audit.record("login.totp", user_id=user_id, outcome="limited")
            raise
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            record = await uow.two_factor.get(user_id)
            method = None
            if user is not None and user.is_active and record is not None and record.is_on:
                method = self._check.spend(record, command.code)
            if user is None or method is None:
                await self._attempts.failed(str(user_id), "one-time-code")
                self._audit.record("login.totp", user_id=user_id, outcome="failed")
                raise InvalidOneTimeCode()
            await self._attempts.succeeded(str(user_id))
            pair = self._sessions.begin(uow, user, method, command.client, self._check.now())
            await uow.commit()
        self._audit.record("login.totp", user_id=user_id)
        return pair
