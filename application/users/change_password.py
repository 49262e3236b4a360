from dataclasses import dataclass

from application.errors import InvalidCredentials, UserNotFound
from application.ports.audit import AuditTrail
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.password_rules import PasswordRules
from domain.roles import Actor
from domain.users.values import normalise_password


@dataclass(frozen=True, slots=True)
class ChangePasswordCommand:
    current_password: str
    new_password: str


class ChangePassword:
    """Replace the caller's password after checking the current one (InvalidCredentials);
    the new one must pass the password rules (InvalidValue on ``new_password``). Every other
    session of the caller ends; the one they are using goes on.

    Hashing happens between two short transactions, so no connection waits on argon2."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        clock: Clock,
        rules: PasswordRules,
        audit: AuditTrail,
    ) -> None:
        self._audit = audit
        self._uow = uow
        self._hasher = hasher
        self._clock = clock
        self._rules = rules

    async def __call__(self, actor: Actor, command: ChangePasswordCommand) -> None:
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
        if user is None:
            raise UserNotFound()
        new_password = self._rules.check(
            command.new_password,
            email=user.email,
            username=user.username,
            name=user.name,
            field="new_password",
        )
        current = normalise_password(command.current_password)
        if not await self._hasher.verify(user.password_hash, current):
            self._audit.record("password.change", user_id=actor.id, outcome="failed")
            raise InvalidCredentials()
        new_hash = await self._hasher.hash(new_password.value)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            user.change_password(new_hash, now=self._clock.now(), keep_session=actor.session_id)
            await uow.commit()
        self._audit.record("password.change", user_id=actor.id)
