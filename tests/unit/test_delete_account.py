"""DeleteAccount on the memory backend: the password is checked, the account and what hangs
on it go in one step, or its posts and comments stay with the placeholder."""

import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials, UserNotFound
from application.social.add_comment import AddComment, AddCommentCommand
from application.social.follow_user import FollowUser
from application.users.delete_account import DeleteAccount, DeleteAccountCommand, DeletedContent
from domain.users.deleted_user import DELETED_USER_ID
from tests.unit.harness import PASSWORD, Folio, post_command, register


def delete_account(folio: Folio, content: DeletedContent = DeletedContent.REMOVE) -> DeleteAccount:
    return DeleteAccount(folio.uow(), folio.hasher, folio.clock, content)


async def _write_and_follow(folio: Folio) -> tuple[object, object, object]:
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    post = await folio.create_post(ada, post_command(published=True))
    await AddComment(folio.uow(), folio.clock, folio.ids)(ada, post.id, AddCommentCommand("Mine"))
    await FollowUser(folio.uow(), folio.clock)(bob, "ada")
    return ada, bob, post


async def test_a_wrong_password_deletes_nothing(folio: Folio):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidCredentials):
        await delete_account(folio)(ada, DeleteAccountCommand("wrong password"))

    assert ada.id in folio.store.users


async def test_the_account_goes_with_what_hangs_on_it(folio: Folio):
    ada, _, _ = await _write_and_follow(folio)
    await folio.log_in(LogInCommand("ada@example.com", PASSWORD))

    await delete_account(folio)(ada, DeleteAccountCommand(PASSWORD))

    assert ada.id not in folio.store.users
    assert folio.store.posts == {}
    assert folio.store.comments == {}
    assert folio.store.follows == {}
    assert all(s.user_id != ada.id for s in folio.store.sessions.values())
    assert "user_deleted" in folio.event_names()


async def test_kept_content_goes_to_the_placeholder(folio: Folio):
    ada, _, _ = await _write_and_follow(folio)

    await delete_account(folio, DeletedContent.KEEP)(ada, DeleteAccountCommand(PASSWORD))

    placeholder = folio.store.users[DELETED_USER_ID]
    assert (placeholder.username.value, placeholder.is_active) == ("deleted-user", False)
    assert [p.author_id for p in folio.store.posts.values()] == [DELETED_USER_ID]
    assert [c.author_id for c in folio.store.comments.values()] == [DELETED_USER_ID]
    assert folio.store.follows == {}
    assert not await folio.hasher.verify(placeholder.password_hash, "!")


async def test_a_second_deletion_reuses_the_placeholder(folio: Folio):
    ada, bob, _ = await _write_and_follow(folio)
    await delete_account(folio, DeletedContent.KEEP)(ada, DeleteAccountCommand(PASSWORD))
    await folio.create_post(bob, post_command(title="Bob writes too", published=True))

    await delete_account(folio, DeletedContent.KEEP)(bob, DeleteAccountCommand(PASSWORD))

    assert {p.author_id for p in folio.store.posts.values()} == {DELETED_USER_ID}
    assert list(folio.store.users) == [DELETED_USER_ID]


async def test_a_vanished_account_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    await delete_account(folio)(ada, DeleteAccountCommand(PASSWORD))

    with pytest.raises(UserNotFound):
        await delete_account(folio)(ada, DeleteAccountCommand(PASSWORD))
