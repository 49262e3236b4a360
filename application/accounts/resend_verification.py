"""Ask for another verification e-mail."""

from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from domain.errors import Conflict
from domain.roles import Actor
from domain.users.events import EmailVerificationRequested


class EmailAlreadyVerified(Conflict):
    def __init__(self) -> None:
        super().__init__("your e-mail address is already verified")


class ResendVerification:
    """Queue a new verification e-mail to the caller's current address (earlier links keep
    working until they expire). EmailAlreadyVerified when there is nothing to verify."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor) -> None:
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            if user.email_verified:
                raise EmailAlreadyVerified()
            event = EmailVerificationRequested(
                occurred_at=self._clock.now(), user_id=user.id, email=user.email.value
            )
            uow.announce(user.id, event)
            await uow.commit()
