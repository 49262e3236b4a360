"""Log in with e-mail or username and password, for an access token."""

from dataclasses import dataclass

from application.errors import InvalidCredentials
from application.ports.clock import Clock
from application.ports.security import AccessToken, PasswordHasher, TokenService
from application.ports.unit_of_work import UnitOfWork
from domain.ids import UserId


@dataclass(frozen=True, slots=True)
class LogInCommand:
    login: str
    password: str


class LogIn:
    """Unknown login, wrong password and deactivated account all raise the same
    InvalidCredentials after the same amount of hashing work, so none can be told apart.
    A hash made with outdated parameters is replaced after a successful login."""

    def __init__(
        self, uow: UnitOfWork, hasher: PasswordHasher, tokens: TokenService, clock: Clock
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._clock = clock

    async def __call__(self, command: LogInCommand) -> AccessToken:
        async with self._uow as uow:
            user = await uow.users.get_by_login(command.login)
        stored_hash = None if user is None else user.password_hash
        verified = await self._hasher.verify(stored_hash, command.password)
        if user is None or not verified or not user.is_active:
            raise InvalidCredentials()
        if self._hasher.needs_rehash(user.password_hash):
            await self._rehash(user.id, command.password)
        return self._tokens.issue(user.id)

    async def _rehash(self, user_id: UserId, password: str) -> None:
        new_hash = await self._hasher.hash(password)
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is not None:
                user.change_password(new_hash, now=self._clock.now())
                await uow.commit()
