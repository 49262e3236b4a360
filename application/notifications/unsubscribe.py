"""One-click unsubscribe (RFC 8058): the signed link switches notification e-mails off."""

from application.ports.clock import Clock
from application.ports.email import UnsubscribeLinks
from application.ports.unit_of_work import UnitOfWork


class Unsubscribe:
    """Switches notification e-mails off for the address the token was signed for. Answers
    the same whether or not a user has that address (a link must not reveal accounts);
    raises InvalidUnsubscribeLink for a token that is not ours."""

    def __init__(self, uow: UnitOfWork, links: UnsubscribeLinks, clock: Clock) -> None:
        self._uow = uow
        self._links = links
        self._clock = clock

    async def __call__(self, token: str) -> None:
        email = self._links.email_of(token)
        async with self._uow as uow:
            user = await uow.users.get_by_login(email)
            if user is None or user.email.value != email:
                return
            user.set_email_notifications(False, now=self._clock.now())
            await uow.commit()
