"""E-mail verification: a new account gets a link; the token proves the address once; a
resend sends another; with verification required, an unverified account may not publish or
comment."""

from datetime import timedelta

import pytest

from application.accounts.resend_verification import EmailAlreadyVerified
from application.posts.create_post import CreatePost
from application.posts.update_post import UpdatePost, UpdatePostCommand
from application.social.add_comment import AddComment, AddCommentCommand
from domain.roles import Actor
from domain.users.account_token import AccountTokenExpired, AccountTokenUsed, UnknownAccountToken
from domain.users.verification import ContributionPolicy, EmailNotVerified
from tests.unit.accounts import Accounts
from tests.unit.harness import Folio, post_command, register

REQUIRED = ContributionPolicy(require_verified_email=True)


@pytest.fixture
def accounts(folio: Folio) -> Accounts:
    return Accounts(folio)


async def _verification_token(accounts: Accounts, email: str = "ada@example.com") -> str:
    await accounts.deliver()
    return accounts.tokens_to(email, "verify")[-1]


async def test_a_new_account_gets_a_verification_token(accounts: Accounts, folio: Folio):
    ada = await register(folio, "ada")
    token = await _verification_token(accounts)

    view = await accounts.verify_email(token)

    assert view.email_verified is True
    assert folio.store.users[ada.id].email_verified_at == folio.clock.now()


async def test_the_token_works_once(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    token = await _verification_token(accounts)
    await accounts.verify_email(token)

    with pytest.raises(AccountTokenUsed):
        await accounts.verify_email(token)


async def test_the_token_expires(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    token = await _verification_token(accounts)
    folio.clock.advance(timedelta(hours=48))

    with pytest.raises(AccountTokenExpired):
        await accounts.verify_email(token)


async def test_a_reset_token_does_not_verify(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    await accounts.request_reset("ada@example.com")
    await accounts.deliver()
    (reset,) = accounts.tokens_to("ada@example.com", "reset")

    with pytest.raises(UnknownAccountToken):
        await accounts.verify_email(reset)


async def test_a_resend_sends_another_working_token(accounts: Accounts, folio: Folio):
    ada = await register(folio, "ada")
    await accounts.deliver()

    await accounts.resend(ada)
    await accounts.deliver()

    first, second = accounts.tokens_to("ada@example.com", "verify")
    assert first != second
    await accounts.verify_email(second)
    with pytest.raises(EmailAlreadyVerified):
        await accounts.resend(ada)


async def test_verification_mail_carries_no_unsubscribe_link(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    await accounts.deliver()

    (message,) = accounts.mail.to("ada@example.com")
    assert dict(message.headers).get("List-Unsubscribe") is None


async def test_unverified_accounts_may_not_publish_or_comment_when_required(folio: Folio):
    ada = await register(folio, "ada")
    create = CreatePost(folio.uow(), folio.clock, folio.ids, folio.policy, REQUIRED)

    with pytest.raises(EmailNotVerified):
        await create(ada, post_command(published=True))
    draft = await create(ada, post_command(published=False))
    with pytest.raises(EmailNotVerified):
        await UpdatePost(folio.uow(), folio.clock, folio.policy, REQUIRED)(
            ada, draft.id, UpdatePostCommand(published=True)
        )
    verified = Actor(ada.id, ada.role, email_verified=True)
    post = await create(
        verified, post_command(title="Published by a verified author", published=True)
    )
    with pytest.raises(EmailNotVerified):
        await AddComment(folio.uow(), folio.clock, folio.ids, REQUIRED)(
            ada, post.id, AddCommentCommand("First!")
        )
    await AddComment(folio.uow(), folio.clock, folio.ids, REQUIRED)(
        verified, post.id, AddCommentCommand("First!")
    )


async def test_by_default_unverified_accounts_publish(folio: Folio):
    ada = await register(folio, "ada")

    view = await folio.create_post(ada, post_command(published=True))

    assert view.published_at is not None
