"""Log in with e-mail or username and password: a new session and its tokens, or, for a user
with two-factor login on, a challenge to complete with a one-time code."""

from dataclasses import dataclass, field

from application.errors import InvalidCredentials, ServiceUnavailable, TooManyRequests
from application.ports.audit import AuditTrail
from application.ports.security import LoginAttempts, PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import ClientInfo, SessionIssuer, TokenPair, TotpChallenge
from domain.ids import UserId
from domain.sessions.session import AuthMethod
from domain.users.values import normalise_login, normalise_password


@dataclass(frozen=True, slots=True)
class LogInCommand:
    login: str
    password: str
    client: ClientInfo = field(default_factory=ClientInfo)


class LogIn:
    """Unknown login, wrong password and deactivated account all raise the same
    InvalidCredentials after the same amount of hashing work, so none can be told apart, and
    each is counted as a failed login (LoginAttempts). The password is NFKC-normalised as it
    was when it was set. A hash made with outdated parameters is replaced after a successful
    login, unless the password changed meanwhile (a compare-and-set on the old hash: a
    concurrent password change always wins). Success begins a session (see SessionIssuer) and
    answers its tokens, unless the user has two-factor login on: then it answers a short-lived
    challenge for CompleteTotpLogin, and no session begins yet.

    A login (existing or not) that failed too often lately is refused with TooManyRequests
    before any hashing; a success forgets its failures."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        sessions: SessionIssuer,
        attempts: LoginAttempts,
        audit: AuditTrail,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._sessions = sessions
        self._attempts = attempts
        self._audit = audit

    async def __call__(self, command: LogInCommand) -> TokenPair | TotpChallenge:
        login = normalise_login(command.login)
        try:
            await self._attempts.check(login)
        except TooManyRequests:
            self._audit.record("login", outcome="limited")
            raise
        async with self._uow as uow:
            user = await uow.users.get_by_login(login)
        stored_hash = None if user is None else user.password_hash
        password = normalise_password(command.password)
        verified = await self._hasher.verify(stored_hash, password)
        if user is None or not verified or not user.is_active:
            await self._attempts.failed(login, "password")
            self._audit.record("login", user_id=None if user is None else user.id, outcome="failed")
            raise InvalidCredentials()
        await self._attempts.succeeded(login)
        new_hash = None
        if self._hasher.needs_rehash(user.password_hash):
            new_hash = await self._rehash(password)
        answer = await self._begin(user.id, user.password_hash, new_hash, command.client)
        outcome = "challenge" if isinstance(answer, TotpChallenge) else "ok"
        self._audit.record("login", user_id=user.id, outcome=outcome)
        return answer

    async def _rehash(self, password: str) -> str | None:
        try:
            return await self._hasher.hash(password)
        except ServiceUnavailable:
            return None  # the hashing pool is full: the next login will rehash

    async def _begin(
        self, user_id: UserId, old_hash: str, new_hash: str | None, client: ClientInfo
    ) -> TokenPair | TotpChallenge:
        now = self._sessions.now()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None or not user.is_active:
                raise InvalidCredentials()
            if new_hash is not None:
                uow.users.replace_password_hash(user_id, old_hash, new_hash, now=now)
            second_factor = await uow.two_factor.get(user_id)
            answer: TokenPair | TotpChallenge
            if second_factor is not None and second_factor.is_on:
                answer = self._sessions.challenge(user_id)
            else:
                answer = self._sessions.begin(uow, user, AuthMethod.PASSWORD, client, now)
            await uow.commit()
        return answer
