"""A user moves their account to another e-mail address."""

from dataclasses import dataclass

from application.errors import InvalidCredentials, UserNotFound
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.errors import EmailAlreadyRegistered
from domain.roles import Actor
from domain.users.events import EmailVerificationRequested
from domain.users.user import User
from domain.users.values import Email, normalise_password


@dataclass(frozen=True, slots=True)
class ChangeEmailCommand:
    email: str
    password: str


class ChangeEmail:
    """After checking the current password (InvalidCredentials), the account moves to
    ``email`` (EmailAlreadyRegistered if another account has it). By default the move is
    made at once: the new address is unverified and gets a verification e-mail, and the old
    one is told. With ``wait_for_proof`` (FOLIO_REQUIRE_VERIFIED_EMAIL) the account keeps
    its address until the new one is proven: the new address gets a confirmation e-mail whose
    token, at POST /verify-email, makes the move (and tells the old address then)."""

    def __init__(
        self, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock, wait_for_proof: bool = False
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock
        self._wait_for_proof = wait_for_proof

    async def __call__(self, actor: Actor, command: ChangeEmailCommand) -> UserView:
        email = Email(command.email)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
        if user is None:
            raise UserNotFound()
        if not await self._hasher.verify(user.password_hash, normalise_password(command.password)):
            raise InvalidCredentials()
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            await move_email(uow, user, email, self._clock, wait_for_proof=self._wait_for_proof)
            await uow.commit()
        return UserView.of(user, actor)


async def move_email(
    uow: UnitOfWork, user: User, email: Email, clock: Clock, *, wait_for_proof: bool
) -> None:
    """Move ``user`` to ``email`` now, or ask the new address for proof first."""
    if email == user.email:
        return
    if await uow.users.email_taken(email):
        raise EmailAlreadyRegistered()
    now = clock.now()
    if wait_for_proof:
        requested = EmailVerificationRequested(
            occurred_at=now, user_id=user.id, email=email.value, change=True
        )
        uow.announce(user.id, requested)
    else:
        user.change_email(email, now=now)
