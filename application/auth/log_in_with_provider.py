"""Complete a login through the external OpenID Connect provider."""

import hmac
from dataclasses import dataclass, field
from datetime import datetime

from application.errors import ExternalIdentityIncomplete, ExternalLoginFailed
from application.ports.audit import AuditTrail
from application.ports.clock import IdGenerator
from application.ports.identity_provider import ExternalIdentity, IdentityProvider, PendingLogin
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import ClientInfo, SessionIssuer, TokenPair, TotpChallenge
from application.users.external_accounts import new_external_account
from domain.errors import InvalidValue
from domain.ids import UserId
from domain.sessions.session import AuthMethod
from domain.users.identities import AccountLinkRefused, IdentityKey, LinkedIdentity, check_link
from domain.users.user import User
from domain.users.values import Email


@dataclass(frozen=True, slots=True)
class ProviderCallback:
    """What the provider sent the browser back with, and what the browser kept."""

    pending: PendingLogin
    state: str
    code: str
    client: ClientInfo = field(default_factory=ClientInfo)


class LogInWithProvider:
    """The callback's ``state`` must be the one the login began with, and the provider's ID
    token must check out (IdentityProvider.identity); else ExternalLoginFailed.

    An identity seen before logs in to its account. A new one is linked to the account that
    has its e-mail only when the provider says the address is verified and the account's
    address is verified too (check_link: otherwise AccountLinkRefused); with no such account,
    it creates one, without a password, its e-mail verified if the provider says so. Then a
    session begins as LogIn's would (or, with two-factor login on, a challenge).

    The audit trail gets ``login.oidc`` (ok, challenge, refused or failed) and
    ``identity.link`` when an identity is linked to an account that existed before."""

    def __init__(
        self,
        uow: UnitOfWork,
        provider: IdentityProvider,
        sessions: SessionIssuer,
        ids: IdGenerator,
        audit: AuditTrail,
    ) -> None:
        self._uow = uow
        self._provider = provider
        self._sessions = sessions
        self._ids = ids
        self._audit = audit

    async def __call__(self, callback: ProviderCallback) -> TokenPair | TotpChallenge:
        try:
            answer = await self._complete(callback)
        except AccountLinkRefused:
            self._audit.record("login.oidc", outcome="refused")
            raise
        except (ExternalLoginFailed, ExternalIdentityIncomplete):
            self._audit.record("login.oidc", outcome="failed")
            raise
        return answer

    async def _complete(self, callback: ProviderCallback) -> TokenPair | TotpChallenge:
        if not hmac.compare_digest(callback.state.encode(), callback.pending.state.encode()):
            raise ExternalLoginFailed("the state returned is not the one this login began with")
        identity = await self._provider.identity(callback.pending, callback.code)
        try:
            key = IdentityKey(identity.issuer, identity.subject)
        except InvalidValue as error:
            raise ExternalLoginFailed(f"the ID token's {error}") from error
        now = self._sessions.now()
        async with self._uow as uow:
            link = await uow.identities.get(key)
            user = None if link is None else await uow.users.get(link.user_id)
            linked_existing = False
            if user is None:
                user, linked_existing = await self._account_for(uow, identity, now)
                uow.identities.add(LinkedIdentity(key=key, user_id=user.id, linked_at=now))
            if not user.is_active:
                raise ExternalLoginFailed("the account is deactivated")
            second_factor = await uow.two_factor.get(user.id)
            answer: TokenPair | TotpChallenge
            if second_factor is not None and second_factor.is_on:
                answer = self._sessions.challenge(user.id)
            else:
                method = AuthMethod.OPENID_CONNECT
                answer = self._sessions.begin(uow, user, method, callback.client, now)
            await uow.commit()
        if linked_existing:
            self._audit.record("identity.link", user_id=user.id)
        outcome = "challenge" if isinstance(answer, TotpChallenge) else "ok"
        self._audit.record("login.oidc", user_id=user.id, outcome=outcome)
        return answer

    async def _account_for(
        self, uow: UnitOfWork, identity: ExternalIdentity, now: datetime
    ) -> tuple[User, bool]:
        """The account with the identity's e-mail, if linking is safe (True: it existed);
        else a new one (False)."""
        if identity.email is None:
            raise ExternalIdentityIncomplete(
                "the provider shared no e-mail address, which a Folio account needs "
                "(ask for the 'email' scope)"
            )
        try:
            email = Email(identity.email)
        except InvalidValue as error:
            raise ExternalIdentityIncomplete(f"the provider's {error}") from error
        existing = await uow.users.get_by_login(email.value)
        if existing is not None and existing.email == email:
            check_link(existing, provider_says_verified=identity.email_verified)
            return existing, True
        user_id = UserId(self._ids.new_id())
        return await new_external_account(uow, user_id, email, identity, now), False
