"""Log in with e-mail or username and password: a new session and its tokens, or, for a user
with two-factor login on, a challenge to complete with a one-time code."""

from dataclasses import dataclass, field

from application.errors import InvalidCredentials
from application.ports.security import LoginAttempts, PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import ClientInfo, SessionIssuer, TokenPair, TotpChallenge
from domain.ids import UserId
from domain.sessions.session import AuthMethod


@dataclass(frozen=True, slots=True)
class LogInCommand:
    login: str
    password: str
    client: ClientInfo = field(default_factory=ClientInfo)


class LogIn:
    """Unknown login, wrong password and deactivated account all raise the same
    InvalidCredentials after the same amount of hashing work, so none can be told apart, and
    each is counted as a failed login (LoginAttempts). A hash made with outdated parameters is
    replaced after a successful login. Success begins a session (see SessionIssuer) and
    answers its tokens, unless the user has two-factor login on: then it answers a short-lived
    challenge for CompleteTotpLogin, and no session begins yet."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        sessions: SessionIssuer,
        attempts: LoginAttempts,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._sessions = sessions
        self._attempts = attempts

    async def __call__(self, command: LogInCommand) -> TokenPair | TotpChallenge:
        async with self._uow as uow:
            user = await uow.users.get_by_login(command.login)
        stored_hash = None if user is None else user.password_hash
        verified = await self._hasher.verify(stored_hash, command.password)
        if user is None or not verified or not user.is_active:
            await self._attempts.failed(command.login, "password")
            raise InvalidCredentials()
        new_hash = None
        if self._hasher.needs_rehash(user.password_hash):
            new_hash = await self._hasher.hash(command.password)
        return await self._begin(user.id, new_hash, command.client)

    async def _begin(
        self, user_id: UserId, new_hash: str | None, client: ClientInfo
    ) -> TokenPair | TotpChallenge:
        now = self._sessions.now()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None or not user.is_active:
                raise InvalidCredentials()
            if new_hash is not None:
                user.rehash_password(new_hash, now=now)
            second_factor = await uow.two_factor.get(user_id)
            answer: TokenPair | TotpChallenge
            if second_factor is not None and second_factor.is_on:
                answer = self._sessions.challenge(user_id)
            else:
                answer = self._sessions.begin(uow, user, AuthMethod.PASSWORD, client, now)
            await uow.commit()
        return answer
