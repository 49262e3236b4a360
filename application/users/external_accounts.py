"""The account a new external identity gets: its e-mail, a free username and a name taken
from what the provider says, and no password."""

from datetime import datetime

from application.ports.identity_provider import ExternalIdentity
from application.ports.unit_of_work import UnitOfWork
from domain.errors import InvalidValue
from domain.ids import UserId
from domain.users.user import User
from domain.users.values import DisplayName, Email, Username

# Not a hash any hasher makes, so no password verifies against it: the account logs in
# through its provider, or sets a password by resetting it.
NO_PASSWORD = "!no-password"  # noqa: S105 - a marker, not a password


async def new_external_account(
    uow: UnitOfWork, user_id: UserId, email: Email, identity: ExternalIdentity, now: datetime
) -> User:
    """Stage the new account in ``uow``; its e-mail is verified when the provider says so."""
    user = User.register(
        id=user_id,
        email=email,
        username=await _free_username(uow, user_id, email, identity.preferred_username),
        name=_name(identity.name, email),
        password_hash=NO_PASSWORD,
        now=now,
    )
    if identity.email_verified:
        user.verify_email(now=now)
    uow.users.add(user)
    return user


async def _free_username(
    uow: UnitOfWork, user_id: UserId, email: Email, preferred: str | None
) -> Username:
    """The provider's preferred username if it is a valid, free handle; else the e-mail's
    local part; either with a short suffix from the id when taken."""
    wanted = None
    if preferred:
        try:
            wanted = Username(preferred)
        except InvalidValue:
            wanted = None
    base = wanted or Username.base_for(email)
    if await uow.users.username_taken(base):
        return base.with_suffix(user_id.hex[:8])
    return base


def _name(given: str | None, email: Email) -> DisplayName:
    for candidate in (given, email.local_part):
        if candidate:
            try:
                return DisplayName(candidate)
            except InvalidValue:
                continue
    return DisplayName(Username.base_for(email).value)
