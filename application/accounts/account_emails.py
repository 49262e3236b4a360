"""Handlers that send account e-mails: reset links, verification links, and the notice to an
address an account left. They go out whatever the user's notification preference."""

from application.accounts.token_mail import TokenMail
from application.ports.event_handlers import Delivery, EventHandler
from domain.events import DomainEvent
from domain.ids import AccountTokenId, UserId
from domain.users.account_token import TokenPurpose
from domain.users.events import (
    EmailChanged,
    EmailVerificationRequested,
    PasswordResetRequested,
    UserRegistered,
)
from domain.users.user import User


class PasswordResetEmail(EventHandler):
    """A reset link to the active account with the requested address; nothing otherwise."""

    name = "email.password_reset"

    def __init__(self, mail: TokenMail) -> None:
        self._mail = mail

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, PasswordResetRequested)

    async def handle(self, delivery: Delivery) -> None:
        event = delivery.event
        if not isinstance(event, PasswordResetRequested):
            return
        async with self._mail.uow() as uow:
            user = await uow.users.get_by_login(event.email)
        if user is None or not user.is_active or user.email.value != event.email:
            return
        await self._mail.issue_and_send(
            user,
            AccountTokenId(event.token_id),
            TokenPurpose.PASSWORD_RESET,
            user.email.value,
            "password_reset",
            event.occurred_at,
            delivery.key(self.name),
        )


class VerificationEmail(EventHandler):
    """A verification link: to a new account, on request, to an address the account moved to
    unverified, and to an address the account is to move to once proven."""

    name = "email.verification"

    def __init__(self, mail: TokenMail) -> None:
        self._mail = mail

    def handles(self, event: DomainEvent) -> bool:
        if isinstance(event, EmailChanged):
            return not event.verified
        return isinstance(event, UserRegistered | EmailVerificationRequested)

    async def handle(self, delivery: Delivery) -> None:
        event = delivery.event
        purpose = TokenPurpose.VERIFY_EMAIL
        if isinstance(event, UserRegistered | EmailVerificationRequested):
            user_id, email = event.user_id, event.email
            if isinstance(event, EmailVerificationRequested) and event.change:
                purpose = TokenPurpose.CHANGE_EMAIL
        elif isinstance(event, EmailChanged):
            user_id, email = event.user_id, event.new_email
        else:
            return
        user = await self._active(user_id)
        if user is None or (purpose == TokenPurpose.VERIFY_EMAIL and user.email_verified):
            return
        token_id = AccountTokenId(delivery.event_id)
        template = "change_email" if purpose == TokenPurpose.CHANGE_EMAIL else "verify_email"
        key = delivery.key(self.name)
        await self._mail.issue_and_send(
            user, token_id, purpose, email, template, event.occurred_at, key
        )

    async def _active(self, user_id: UserId) -> User | None:
        async with self._mail.uow() as uow:
            user = await uow.users.get(user_id)
        return user if user is not None and user.is_active else None


class EmailChangedNotice(EventHandler):
    """Tells the address an account left that it did, so a hijack does not go unseen."""

    name = "email.email_changed"

    def __init__(self, mail: TokenMail) -> None:
        self._mail = mail

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, EmailChanged)

    async def handle(self, delivery: Delivery) -> None:
        event = delivery.event
        if not isinstance(event, EmailChanged):
            return
        await self._mail.send(event.old_email, "email_changed", key=delivery.key(self.name))
