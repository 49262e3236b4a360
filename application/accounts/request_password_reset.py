"""Ask for a password-reset e-mail."""

from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.users.events import PasswordResetRequested
from domain.users.values import Email


class RequestPasswordReset:
    """Queue a reset for ``email``, whether or not an account has it: the request only writes
    a PasswordResetRequested event to the outbox, the same work either way, and tells the
    caller nothing. On delivery an active account with that address gets a single-use token
    by e-mail (see PasswordResetEmail); any other address gets nothing."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def __call__(self, email: str) -> None:
        address = Email(email)
        token_id = self._ids.new_id()
        async with self._uow as uow:
            event = PasswordResetRequested(
                occurred_at=self._clock.now(), token_id=token_id, email=address.value
            )
            uow.announce(token_id, event)
            await uow.commit()
