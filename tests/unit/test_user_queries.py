import pytest

from application.errors import UserNotFound
from application.pagination import PageRequest
from domain.roles import Actor
from tests.unit.harness import Folio, register, register_admin


async def test_get_user_shows_the_email_to_the_user_themselves(folio: Folio):
    ada = await register(folio, "ada")

    view = await folio.get_user(ada.id, ada)

    assert view.email == "ada@example.com"
    assert view.username == "ada"
    assert view.name == "Ada"


async def test_get_user_shows_the_email_to_an_admin(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    assert (await folio.get_user(ada.id, root)).email == "ada@example.com"


@pytest.mark.parametrize(
    "as_someone", [pytest.param(True, id="other-user"), pytest.param(False, id="anonymous")]
)
async def test_get_user_hides_the_email_from_others(folio: Folio, as_someone: bool):
    ada = await register(folio, "ada")
    viewer = await register(folio, "bob") if as_someone else None

    assert (await folio.get_user(ada.id, viewer)).email is None


async def test_get_user_hides_a_deactivated_user_from_non_admins(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    await folio.deactivate_user(root, ada.id)

    for viewer in (bob, ada, None):
        with pytest.raises(UserNotFound):
            await folio.get_user(ada.id, viewer)
    assert (await folio.get_user(ada.id, root)).is_active is False


async def test_get_user_of_an_unknown_id_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    del folio.store.users[ada.id]

    with pytest.raises(UserNotFound):
        await folio.get_user(ada.id, None)


async def _register_many(folio: Folio, count: int) -> list[Actor]:
    actors = []
    for n in range(count):
        actors.append(await register(folio, f"user{n}"))
        folio.clock.advance()
    return actors


@pytest.mark.parametrize(
    ("skip", "limit", "expected"),
    [
        pytest.param(0, 2, ["user0", "user1"], id="first-page"),
        pytest.param(2, 2, ["user2", "user3"], id="second-page"),
        pytest.param(4, 2, ["user4"], id="last-partial-page"),
        pytest.param(10, 2, [], id="past-the-end"),
    ],
)
async def test_list_users_pages_oldest_first_with_the_total(
    folio: Folio, skip: int, limit: int, expected: list[str]
):
    await _register_many(folio, 5)

    page = await folio.list_users(PageRequest(skip=skip, limit=limit), None)

    assert [user.username for user in page.items] == expected
    assert (page.total, page.skip, page.limit) == (5, skip, limit)


async def test_list_users_hides_deactivated_users_from_non_admins(folio: Folio):
    root = await register_admin(folio)
    ada, bob = await _register_many(folio, 2)
    await folio.deactivate_user(root, ada.id)

    public = await folio.list_users(PageRequest(), bob)
    admin = await folio.list_users(PageRequest(), root)

    assert [u.username for u in public.items] == ["root", "user1"]
    assert public.total == 2
    assert [u.username for u in admin.items] == ["root", "user0", "user1"]
    assert admin.total == 3


async def test_list_users_shows_emails_to_their_owner_and_to_admins_only(folio: Folio):
    root = await register_admin(folio)
    ada, _ = await _register_many(folio, 2)

    as_ada = await folio.list_users(PageRequest(), ada)
    as_root = await folio.list_users(PageRequest(), root)
    as_nobody = await folio.list_users(PageRequest(), None)

    assert [u.email for u in as_ada.items] == [None, "user0@example.com", None]
    assert all(u.email is not None for u in as_root.items)
    assert all(u.email is None for u in as_nobody.items)
