"""The admin use cases on the in-memory adapters: who may, the last-admin rule, sessions
ending, and the audit entry each action leaves."""

import pytest

from application.admin.list_audit import AuditQuery
from application.errors import InvalidToken, UserNotFound
from application.pagination import PageRequest
from application.users.delete_account import DeleteAccount, DeleteAccountCommand, DeletedContent
from domain.admin.rules import LastAdmin
from domain.errors import InvalidValue, PermissionDenied
from domain.roles import Role
from tests.unit.harness import PASSWORD, Folio, log_in, register, register_admin

PAGE = PageRequest()


async def test_search_finds_users_by_email_or_username_prefix_whatever_the_case(folio: Folio):
    root = await register_admin(folio)
    await register(folio, "ada")
    await register(folio, "adam")
    await register(folio, "bob")

    by_name = await folio.search_users(root, "AD", PAGE)
    by_email = await folio.search_users(root, "bob@EX", PAGE)
    everyone = await folio.search_users(root, None, PAGE)

    assert [user.username for user in by_name.items] == ["ada", "adam"]
    assert [user.username for user in by_email.items] == ["bob"]
    assert everyone.total == 4
    assert all(user.email is not None for user in everyone.items)


async def test_search_shows_deactivated_users_and_pages_by_cursor(folio: Folio):
    root = await register_admin(folio)
    for handle in ("ann", "anna", "annie"):
        await register(folio, handle)
    ann = await folio.find_user(root, "ann")
    await folio.deactivate_user(root, ann.id)

    first = await folio.search_users(root, "ann", PageRequest(limit=2))
    second = await folio.search_users(root, "ann", PageRequest(limit=2, cursor=first.next_cursor))

    assert [u.username for u in first.items] == ["ann", "anna"]
    assert first.items[0].is_active is False
    assert [u.username for u in second.items] == ["annie"]
    assert second.next_cursor is None


async def test_find_user_by_id_email_or_username(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    for ref in (str(ada.id), "ADA@example.com", "Ada"):
        assert (await folio.find_user(root, ref)).id == ada.id
    with pytest.raises(UserNotFound):
        await folio.find_user(root, "nobody")


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda f, a, u: f.search_users(a, None, PAGE), id="search"),
        pytest.param(lambda f, a, u: f.find_user(a, "ada"), id="find"),
        pytest.param(lambda f, a, u: f.deactivate_user(a, u), id="deactivate"),
        pytest.param(lambda f, a, u: f.reactivate_user(a, u), id="reactivate"),
        pytest.param(lambda f, a, u: f.change_role(a, u, "admin"), id="role"),
        pytest.param(lambda f, a, u: f.end_user_sessions(a, u), id="sessions"),
        pytest.param(lambda f, a, u: f.set_posting_limit(a, u, 1), id="limit"),
        pytest.param(lambda f, a, u: f.list_audit(a, AuditQuery(), PAGE), id="audit"),
    ],
)
async def test_only_admins_administer(folio: Folio, call):
    await register_admin(folio)
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")

    with pytest.raises(PermissionDenied):
        await call(folio, bob, ada.id)

    assert folio.store.users[ada.id].role is Role.USER
    assert folio.store.audit == []


async def test_the_only_admin_cannot_deactivate_or_demote_themself(folio: Folio):
    root = await register_admin(folio)

    with pytest.raises(LastAdmin):
        await folio.deactivate_user(root, root.id)
    with pytest.raises(LastAdmin):
        await folio.change_role(root, root.id, "user")

    stored = folio.store.users[root.id]
    assert (stored.role, stored.is_active) == (Role.ADMIN, True)
    assert folio.store.audit == []


async def test_an_admin_may_go_while_another_active_admin_remains(folio: Folio):
    root = await register_admin(folio, "root")
    other = await register_admin(folio, "other")

    await folio.change_role(root, other.id, "user")
    with pytest.raises(LastAdmin):
        await folio.deactivate_user(root, root.id)

    await folio.change_role(root, other.id, "admin")
    await folio.deactivate_user(other, root.id)
    assert folio.store.users[root.id].is_active is False


async def test_a_deactivated_admin_does_not_count(folio: Folio):
    root = await register_admin(folio, "root")
    other = await register_admin(folio, "other")
    await folio.deactivate_user(root, other.id)

    with pytest.raises(LastAdmin):
        await folio.change_role(root, root.id, "user")


async def test_the_commit_refuses_to_leave_no_admin_whatever_the_use_case_saw(folio: Folio):
    """Two demotions that each counted two admins: the second commit is refused."""
    await register_admin(folio, "root")
    await register_admin(folio, "other")
    first, second = folio.uow(), folio.uow()
    async with first, second:
        admins = [u for u in folio.store.users.values() if u.role is Role.ADMIN]
        one = await first.users.get(admins[0].id)
        two = await second.users.get(admins[1].id)
        assert one is not None
        assert two is not None
        one.change_role(Role.USER, now=folio.clock.now())
        two.change_role(Role.USER, now=folio.clock.now())
        await first.commit()
        with pytest.raises(LastAdmin):
            await second.commit()

    assert sum(u.is_active_admin for u in folio.store.users.values()) == 1


async def test_a_role_change_ends_every_session_of_the_user(folio: Folio):
    root = await register_admin(folio)
    await register(folio, "ada")
    tokens = await log_in(folio, "ada")
    ada = await folio.authenticate(tokens.access.token)

    view = await folio.change_role(root, ada.id, "admin", reason="new editor")

    assert view.role is Role.ADMIN
    assert "role_changed" in folio.event_names()
    with pytest.raises(InvalidToken):
        await folio.authenticate(tokens.access.token)


async def test_an_unknown_role_is_invalid(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue) as raised:
        await folio.change_role(root, ada.id, "emperor")

    assert raised.value.field == "role"


async def test_deactivate_then_reactivate(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    tokens = await log_in(folio, "ada")

    await folio.deactivate_user(root, ada.id, "spam")
    with pytest.raises(InvalidToken):
        await folio.authenticate(tokens.access.token)
    view = await folio.reactivate_user(root, ada.id)

    assert view.is_active is True
    await log_in(folio, "ada")  # may log in again
    assert "user_reactivated" in folio.event_names()


async def test_end_user_sessions_ends_them_all(folio: Folio):
    root = await register_admin(folio)
    await register(folio, "ada")
    first, second = await log_in(folio, "ada"), await log_in(folio, "ada")
    ada = await folio.authenticate(first.access.token)

    assert await folio.end_user_sessions(root, ada.id, "laptop stolen") == 2

    for tokens in (first, second):
        with pytest.raises(InvalidToken):
            await folio.authenticate(tokens.access.token)
    assert await folio.end_user_sessions(root, ada.id) == 0


async def test_unknown_users_are_not_found(folio: Folio):
    root = await register_admin(folio)
    ghost = (await register(folio, "ghost")).id
    del folio.store.users[ghost]

    for action in (
        folio.deactivate_user(root, ghost),
        folio.reactivate_user(root, ghost),
        folio.change_role(root, ghost, "admin"),
        folio.end_user_sessions(root, ghost),
        folio.set_posting_limit(root, ghost, 1),
    ):
        with pytest.raises(UserNotFound):
            await action


async def test_the_only_admin_cannot_delete_their_account(folio: Folio):
    root = await register_admin(folio)
    delete = DeleteAccount(folio.uow(), folio.hasher, folio.clock, DeletedContent.REMOVE)

    with pytest.raises(LastAdmin):
        await delete(root, DeleteAccountCommand(PASSWORD))

    assert folio.store.users[root.id].is_active_admin
