"""LogInWithProvider on the memory adapters and a stand-in provider: the linking rules."""

from dataclasses import replace

import pytest

from application.auth.log_in import LogInCommand
from application.auth.log_in_with_provider import LogInWithProvider, ProviderCallback
from application.errors import ExternalIdentityIncomplete, ExternalLoginFailed, InvalidCredentials
from application.ports.audit import AuditTrail
from application.ports.identity_provider import (
    AuthorizationStart,
    ExternalIdentity,
    IdentityProvider,
    PendingLogin,
)
from application.sessions.tokens import TokenPair, TotpChallenge
from domain.ids import UserId
from domain.sessions.session import AuthMethod
from domain.sessions.two_factor import TwoFactor
from domain.users.identities import AccountLinkRefused, IdentityKey
from domain.users.user import User
from tests.unit.harness import PASSWORD, Folio, register

ISSUER = "https://id.example.org"
PENDING = PendingLogin(state="the-state", nonce="the-nonce", code_verifier="the-verifier")
ADA = ExternalIdentity(
    issuer=ISSUER, subject="248289761001", email="ada@example.com", email_verified=True,
    name="Ada Lovelace", preferred_username="countess",
)  # fmt: skip


class StandInProvider(IdentityProvider):
    """Answers ``identity`` for any code, as a provider whose ID token checked out would."""

    def __init__(self, identity: ExternalIdentity) -> None:
        self.identity_given = identity
        self.codes: list[str] = []

    async def start(self) -> AuthorizationStart:
        return AuthorizationStart(f"{ISSUER}/authorize?state={PENDING.state}", PENDING)

    async def identity(self, pending: PendingLogin, code: str) -> ExternalIdentity:
        assert pending == PENDING
        self.codes.append(code)
        return self.identity_given


class RecordedAudit(AuditTrail):
    def __init__(self) -> None:
        self.records: list[tuple[str, UserId | None, str]] = []

    def record(self, action: str, *, user_id: UserId | None = None, outcome: str = "ok") -> None:
        self.records.append((action, user_id, outcome))


async def log_in(
    folio: Folio,
    identity: ExternalIdentity = ADA,
    state: str = PENDING.state,
    audit: AuditTrail | None = None,
) -> TokenPair | TotpChallenge:
    provider = StandInProvider(identity)
    use_case = LogInWithProvider(
        folio.uow(), provider, folio.issuer, folio.ids, audit or RecordedAudit()
    )
    return await use_case(ProviderCallback(PENDING, state, "the-code"))


def user_by_email(folio: Folio, email: str) -> User:
    [user] = [u for u in folio.store.users.values() if u.email.value == email]
    return user


async def verify(folio: Folio, email: str) -> None:
    async with folio.uow() as uow:
        user = await uow.users.get_by_login(email)
        assert user is not None
        user.verify_email(now=folio.clock.now())
        await uow.commit()


async def test_a_new_identity_creates_an_account_linked_to_it(folio: Folio):
    pair = await log_in(folio)

    assert isinstance(pair, TokenPair)
    user = user_by_email(folio, "ada@example.com")
    assert (user.username.value, user.name.value, user.email_verified) == (
        "countess", "Ada Lovelace", True,
    )  # fmt: skip
    assert folio.store.identities[IdentityKey(ISSUER, ADA.subject)].user_id == user.id
    assert folio.store.sessions[pair.session_id].auth_method is AuthMethod.OPENID_CONNECT
    assert "user_registered" in folio.event_names()


async def test_the_new_account_has_no_password_that_logs_in(folio: Folio):
    await log_in(folio)

    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada@example.com", "!no-password"))


async def test_an_unverified_provider_email_makes_an_unverified_account(folio: Folio):
    await log_in(folio, replace(ADA, email_verified=False))

    assert not user_by_email(folio, "ada@example.com").email_verified


async def test_the_same_identity_logs_in_to_the_same_account_whatever_its_email_now(
    folio: Folio,
):
    first = await log_in(folio)
    second = await log_in(folio, replace(ADA, email="new-address@example.com"))

    assert isinstance(first, TokenPair)
    assert isinstance(second, TokenPair)
    assert len(folio.store.users) == 1
    assert folio.store.sessions[first.session_id].user_id == (
        folio.store.sessions[second.session_id].user_id
    )


async def test_an_account_is_linked_when_both_sides_verified_the_email(folio: Folio):
    ada = await register(folio, "ada")
    await verify(folio, "ada@example.com")

    pair = await log_in(folio, replace(ADA, email="ADA@example.com"))

    assert isinstance(pair, TokenPair)
    assert len(folio.store.users) == 1
    assert folio.store.sessions[pair.session_id].user_id == ada.id
    assert folio.store.identities[IdentityKey(ISSUER, ADA.subject)].user_id == ada.id
    await folio.log_in(LogInCommand("ada", PASSWORD))  # the password still works


@pytest.mark.parametrize(
    ("provider_verified", "account_verified", "says"),
    [
        pytest.param(False, True, "the provider does not say", id="provider-unverified"),
        pytest.param(True, False, "its address is not verified", id="account-unverified"),
        pytest.param(False, False, "the provider does not say", id="neither"),
    ],
)
async def test_linking_is_refused_unless_both_sides_verified_the_email(
    folio: Folio, provider_verified: bool, account_verified: bool, says: str
):
    await register(folio, "ada")
    if account_verified:
        await verify(folio, "ada@example.com")
    sessions_before = dict(folio.store.sessions)

    with pytest.raises(AccountLinkRefused, match=says):
        await log_in(folio, replace(ADA, email_verified=provider_verified))

    assert folio.store.identities == {}
    assert folio.store.sessions == sessions_before
    assert len(folio.store.users) == 1


async def test_a_state_other_than_the_one_the_login_began_with_is_refused(folio: Folio):
    provider = StandInProvider(ADA)
    audit = RecordedAudit()
    use_case = LogInWithProvider(folio.uow(), provider, folio.issuer, folio.ids, audit)

    with pytest.raises(ExternalLoginFailed, match="state"):
        await use_case(ProviderCallback(PENDING, "another-state", "the-code"))

    assert provider.codes == []  # the code was never exchanged
    assert folio.store.users == {}
    assert audit.records == [("login.oidc", None, "failed")]


async def test_an_identity_without_an_email_makes_no_account(folio: Folio):
    with pytest.raises(ExternalIdentityIncomplete, match="no e-mail"):
        await log_in(folio, replace(ADA, email=None))

    assert folio.store.users == {}


async def test_a_deactivated_account_cannot_log_in_through_its_provider(folio: Folio):
    await log_in(folio)
    async with folio.uow() as uow:
        user = await uow.users.get_by_login("ada@example.com")
        assert user is not None
        user.deactivate(now=folio.clock.now())
        await uow.commit()

    with pytest.raises(ExternalLoginFailed, match="deactivated"):
        await log_in(folio)


async def test_a_taken_preferred_username_gets_a_suffix(folio: Folio):
    await register(folio, "grace", username="countess")

    await log_in(folio)

    assert user_by_email(folio, "ada@example.com").username.value.startswith("countess-")


async def test_two_factor_login_still_asks_for_its_code(folio: Folio):
    await log_in(folio)
    user = user_by_email(folio, "ada@example.com")
    folio.store.two_factor[user.id] = TwoFactor(
        id=user.id, secret="JBSWY3DPEHPK3PXP", created_at=folio.clock.now(),
        confirmed_at=folio.clock.now(),
    )  # fmt: skip
    sessions_before = len(folio.store.sessions)

    answer = await log_in(folio)

    assert isinstance(answer, TotpChallenge)
    assert len(folio.store.sessions) == sessions_before


async def test_logins_links_and_refusals_are_in_the_audit_trail(folio: Folio):
    audit = RecordedAudit()
    bob = await register(folio, "bob")
    await verify(folio, "bob@example.com")
    grace = await register(folio, "grace")

    await log_in(folio, audit=audit)
    ada = user_by_email(folio, "ada@example.com")
    bob_at_provider = replace(ADA, subject="bob-subject", email="bob@example.com")
    await log_in(folio, bob_at_provider, audit=audit)
    grace_unverified = replace(ADA, subject="grace-subject", email="grace@example.com")
    with pytest.raises(AccountLinkRefused):
        await log_in(folio, grace_unverified, audit=audit)

    assert audit.records == [
        ("login.oidc", ada.id, "ok"),
        ("identity.link", bob.id, "ok"),
        ("login.oidc", bob.id, "ok"),
        ("login.oidc", None, "refused"),
    ]
    assert grace.id not in {user_id for _, user_id, _ in audit.records}
