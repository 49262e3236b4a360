"""ChangeEmail on the memory backend: password first, conflicts refused, at once by default,
after proof when asked to wait."""

import pytest

from application.errors import InvalidCredentials
from application.users.change_email import ChangeEmail, ChangeEmailCommand
from application.users.update_profile import UpdateProfile, UpdateProfileCommand
from domain.errors import EmailAlreadyRegistered
from tests.unit.accounts import Accounts
from tests.unit.harness import PASSWORD, Folio, register

NEW = "countess@example.com"


def change_email(folio: Folio, *, wait: bool = False) -> ChangeEmail:
    return ChangeEmail(folio.uow(), folio.hasher, folio.clock, wait_for_proof=wait)


async def test_a_wrong_password_changes_nothing(folio: Folio):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidCredentials):
        await change_email(folio)(ada, ChangeEmailCommand(NEW, "wrong password"))

    assert folio.store.users[ada.id].email.value == "ada@example.com"


async def test_a_taken_address_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")

    with pytest.raises(EmailAlreadyRegistered):
        await change_email(folio)(ada, ChangeEmailCommand("BOB@example.com", PASSWORD))


async def test_by_default_the_account_moves_at_once_unverified(folio: Folio):
    ada = await register(folio, "ada")
    accounts = Accounts(folio)

    view = await change_email(folio)(ada, ChangeEmailCommand(NEW, PASSWORD))
    await accounts.deliver()

    assert (view.email, view.email_verified) == (NEW, False)
    assert [m.subject for m in accounts.mail.to("ada@example.com") if "new" in m.subject]
    (token,) = accounts.tokens_to(NEW, "verify")
    await accounts.verify_email(token)
    assert folio.store.users[ada.id].email_verified


async def test_waiting_for_proof_moves_the_account_only_with_the_token(folio: Folio):
    ada = await register(folio, "ada")
    accounts = Accounts(folio)

    view = await change_email(folio, wait=True)(ada, ChangeEmailCommand(NEW, PASSWORD))
    await accounts.deliver()

    assert view.email == "ada@example.com"
    (token,) = accounts.tokens_to(NEW, "confirm")
    moved = await accounts.verify_email(token)
    assert (moved.email, moved.email_verified) == (NEW, True)


async def test_a_proven_address_taken_meanwhile_is_a_conflict(folio: Folio):
    ada = await register(folio, "ada")
    accounts = Accounts(folio)
    await change_email(folio, wait=True)(ada, ChangeEmailCommand(NEW, PASSWORD))
    await accounts.deliver()
    await register(folio, "countess")

    with pytest.raises(EmailAlreadyRegistered):
        await accounts.verify_email(accounts.tokens_to(NEW, "confirm")[0])


async def test_update_profile_waits_for_proof_when_asked(folio: Folio):
    ada = await register(folio, "ada")

    view = await UpdateProfile(folio.uow(), folio.clock, folio.hasher, folio.rules, True)(
        ada, UpdateProfileCommand(email=NEW)
    )

    assert view.email == "ada@example.com"
    assert "email_verification_requested" in [e.event_name for e in folio.store.outbox.values()]
