"""Issue an account token on delivery of an event, once, and e-mail it."""

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from application.notifications.mailer import Mailer
from application.ports.account_tokens import AccountLinkTokens
from application.ports.unit_of_work import UnitOfWork
from domain.ids import AccountTokenId
from domain.users.account_token import AccountToken, TokenPurpose
from domain.users.user import User

UnitOfWorkFactory = Callable[[], UnitOfWork]


class TokenMail:
    """Makes the token ``token_id`` for a user (a redelivery finds it made and sends the same
    secret again) and sends it with an account template, never with an unsubscribe link:
    these e-mails answer the user's own request. ``key`` is the e-mail's stable identity
    (the same on a redelivery: ``Delivery.key``)."""

    def __init__(self, uow: UnitOfWorkFactory, links: AccountLinkTokens, mailer: Mailer) -> None:
        self.uow = uow
        self._links = links
        self._mailer = mailer

    async def issue_and_send(
        self,
        user: User,
        token_id: AccountTokenId,
        purpose: TokenPurpose,
        email: str,
        template: str,
        now: datetime,
        key: UUID,
    ) -> None:
        secret = self._links.token_for(token_id)
        async with self.uow() as uow:
            token = await uow.account_tokens.get(token_id)
            if token is None:
                token = AccountToken.issue(
                    id=token_id,
                    user_id=user.id,
                    purpose=purpose,
                    digest=self._links.digest(secret),
                    email=email,
                    now=now,
                )
                uow.account_tokens.add(token)
                await uow.commit()
        if token.used_at is not None:
            return
        minutes = int(AccountToken.LIFETIMES[purpose].total_seconds() // 60)
        await self._mailer.send_account_email(
            email, template, key=key, username=user.username.value, token=secret, minutes=minutes
        )

    async def send(self, email: str, template: str, *, key: UUID, **context: object) -> None:
        await self._mailer.send_account_email(email, template, key=key, **context)
