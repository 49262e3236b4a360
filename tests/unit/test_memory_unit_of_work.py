"""The memory unit of work keeps the UnitOfWork port's promises, as a database would."""

import pytest

from domain.errors import EmailAlreadyRegistered, SlugAlreadyTaken, UsernameAlreadyTaken
from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.posts.values import Content, Slug, Tags, Title
from domain.users.user import User
from domain.users.values import DisplayName, Email, Username
from tests.unit.harness import Folio, register, write_post


def _post(folio: Folio, author_id: UserId, title: str) -> Post:
    return Post.write(
        id=PostId(folio.ids.new_id()),
        author_id=author_id,
        title=Title(title),
        slug=Slug.from_title(Title(title)),
        content=Content("Some content here."),
        tags=Tags(),
        policy=folio.policy,
        now=folio.clock.now(),
    )


def _user(folio: Folio, email: str, username: str) -> User:
    return User.register(
        id=UserId(folio.ids.new_id()),
        email=Email(email),
        username=Username(username),
        name=DisplayName("Someone"),
        password_hash="hashed:x:v1",
        now=folio.clock.now(),
    )


async def test_commit_stores_the_staged_user_and_publishes_its_events(folio: Folio):
    user = _user(folio, "ada@example.com", "ada")

    async with folio.uow() as uow:
        uow.users.add(user)
        await uow.commit()

    assert folio.store.users[user.id].email.value == "ada@example.com"
    assert folio.event_names() == ["user_registered"]


async def test_leaving_without_commit_stores_and_publishes_nothing(folio: Folio):
    async with folio.uow() as uow:
        uow.users.add(_user(folio, "ada@example.com", "ada"))

    assert folio.store.users == {}
    assert folio.event_names() == []


async def test_changes_to_a_loaded_user_without_commit_are_lost(folio: Folio):
    ada = await register(folio, "ada")

    async with folio.uow() as uow:
        user = await uow.users.get(ada.id)
        assert user is not None
        user.deactivate(now=folio.clock.now())

    assert folio.store.users[ada.id].is_active


async def test_an_exception_inside_leaves_the_store_unchanged(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada)

    async def change_everything_then_fail() -> None:
        async with folio.uow() as uow:
            user = await uow.users.get(ada.id)
            stored_post = await uow.posts.get(post.id)
            assert user is not None
            assert stored_post is not None
            user.deactivate(now=folio.clock.now())
            await uow.posts.remove(stored_post)
            uow.users.add(_user(folio, "bob@example.com", "bob"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await change_everything_then_fail()

    assert folio.store.users[ada.id].is_active
    assert post.id in folio.store.posts
    assert len(folio.store.users) == 1


async def test_loaded_aggregates_are_copies_of_the_store(folio: Folio):
    ada = await register(folio, "ada")

    async with folio.uow() as uow:
        user = await uow.users.get(ada.id)

    assert user is not None
    assert user is not folio.store.users[ada.id]


@pytest.mark.parametrize(
    ("email", "username", "error"),
    [
        pytest.param("ADA@example.com", "other", EmailAlreadyRegistered, id="email"),
        pytest.param("other@example.com", "ada", UsernameAlreadyTaken, id="username"),
    ],
)
async def test_a_clash_with_a_concurrent_commit_is_raised_from_commit(
    folio: Folio, email: str, username: str, error: type[Exception]
):
    async with folio.uow() as first, folio.uow() as second:
        first.users.add(_user(folio, "ada@example.com", "ada"))
        second.users.add(_user(folio, email, username))
        await first.commit()
        with pytest.raises(error):
            await second.commit()

    assert len(folio.store.users) == 1
    assert folio.event_names() == ["user_registered"]


async def test_a_slug_clash_with_a_concurrent_commit_is_raised_from_commit(folio: Folio):
    ada = await register(folio, "ada")

    async with folio.uow() as first, folio.uow() as second:
        first.posts.add(_post(folio, ada.id, "Same title"))
        second.posts.add(_post(folio, ada.id, "Same title"))
        await first.commit()
        with pytest.raises(SlugAlreadyTaken):
            await second.commit()

    assert len(folio.store.posts) == 1
