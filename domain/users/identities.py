"""Identities at external OpenID Connect providers, linked to Folio accounts, and the rule
for linking one to an account that already exists."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.errors import Conflict, InvalidValue
from domain.ids import UserId
from domain.users.user import User


class IdentityAlreadyLinked(Conflict):
    def __init__(self) -> None:
        super().__init__("this external identity is already linked to an account")


class AccountLinkRefused(Conflict):
    """An account has the provider's e-mail, but the link would not be safe."""


@dataclass(frozen=True, slots=True)
class IdentityKey:
    """Who someone is at a provider: the issuer's URL and the subject it gives them (OpenID
    Connect promises the pair is unique and never reassigned; an e-mail is neither)."""

    issuer: str
    subject: str
    MAX_LEN: ClassVar[int] = 255

    def __post_init__(self) -> None:
        for field, value in (("issuer", self.issuer), ("subject", self.subject)):
            if not value or len(value) > self.MAX_LEN:
                raise InvalidValue(field, f"must be 1 to {self.MAX_LEN} characters")


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkedIdentity:
    key: IdentityKey
    user_id: UserId
    linked_at: datetime


def check_link(account: User, *, provider_says_verified: bool) -> None:
    """Refuse to link a provider's identity to ``account``, found by its e-mail, unless both
    sides have verified that address. A match on the address alone is how social logins get
    taken over: anyone can claim an address at a lax provider, and a local account registered
    (by anyone) with an unverified address would fall to its owner's first social login."""
    if not provider_says_verified:
        raise AccountLinkRefused(
            "an account with this e-mail exists, and the provider does not say that the "
            "address is verified: log in with the account's password instead"
        )
    if not account.email_verified:
        raise AccountLinkRefused(
            "an account with this e-mail exists but its address is not verified: log in "
            "with its password and verify the address, then log in with the provider again"
        )
