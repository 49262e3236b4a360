"""Prove an address with the token of a verification e-mail."""

from application.ports.account_tokens import AccountLinkTokens
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.errors import EmailAlreadyRegistered
from domain.users.account_token import (
    AccountTokenStale,
    TokenPurpose,
    UnknownAccountToken,
)
from domain.users.values import Email


class VerifyEmail:
    """A verification token marks the account's address verified, if it is still the address
    the token was sent to (AccountTokenStale otherwise). A change token (sent when an address
    change waits for proof) moves the account to the proven address (EmailAlreadyRegistered
    if another account took it meanwhile) and tells the old one. Either works once
    (AccountTokenUsed) and for 48 hours (AccountTokenExpired). No login is needed: the token
    is the proof. Returns the account as its owner sees it."""

    def __init__(self, uow: UnitOfWork, links: AccountLinkTokens, clock: Clock) -> None:
        self._uow = uow
        self._links = links
        self._clock = clock

    async def __call__(self, token: str) -> UserView:
        digest = self._links.digest(token)
        async with self._uow as uow:
            found = await uow.account_tokens.get_by_digest(digest)
            if found is None or found.purpose == TokenPurpose.PASSWORD_RESET:
                raise UnknownAccountToken()
            now = self._clock.now()
            found.spend(found.purpose, now=now)
            user = await uow.users.get(found.user_id)
            if user is None or not user.is_active:
                raise UnknownAccountToken()
            if found.purpose == TokenPurpose.CHANGE_EMAIL:
                address = Email(found.email)
                if address != user.email and await uow.users.email_taken(address):
                    raise EmailAlreadyRegistered()
                user.change_email(address, now=now, verified=True)
                user.verify_email(now=now)
            elif user.email.value != found.email:
                raise AccountTokenStale()
            else:
                user.verify_email(now=now)
            await uow.commit()
        return UserView.of(user, user.actor)
