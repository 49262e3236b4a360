from dataclasses import dataclass

from application.errors import InvalidCredentials, UserNotFound
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from domain.roles import Actor
from domain.users.values import RawPassword


@dataclass(frozen=True, slots=True)
class ChangePasswordCommand:
    current_password: str
    new_password: str


class ChangePassword:
    """Replace the caller's password after checking the current one (InvalidCredentials).
    Every other session of the caller ends; the one they are using goes on.

    Hashing happens between two short transactions, so no connection waits on argon2."""

    def __init__(self, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock

    async def __call__(self, actor: Actor, command: ChangePasswordCommand) -> None:
        new_password = RawPassword(command.new_password)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
        if user is None:
            raise UserNotFound()
        if not await self._hasher.verify(user.password_hash, command.current_password):
            raise InvalidCredentials()
        new_hash = await self._hasher.hash(new_password.value)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            user.change_password(new_hash, now=self._clock.now(), keep_session=actor.session_id)
            await uow.commit()
