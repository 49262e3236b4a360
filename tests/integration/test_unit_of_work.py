"""The unit of work's promises, on every backend: all or nothing, events after commit only,
and one winner when concurrent transactions clash."""

import asyncio

import pytest

from application.pagination import PageRequest
from application.ports.repositories import PostFilter
from domain.errors import EmailAlreadyRegistered
from domain.posts.values import Tags
from domain.users.values import DisplayName, Email
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import UowFactory


class Boom(Exception):
    pass


async def count_users(new_uow: UowFactory) -> int:
    async with new_uow() as uow:
        return (await uow.users.list(PageRequest(), include_inactive=True)).total


async def count_posts(new_uow: UowFactory) -> int:
    async with new_uow() as uow:
        return (await uow.posts.list_published(PostFilter(), PageRequest())).total


async def test_leaving_the_block_without_commit_writes_nothing(new_uow: UowFactory) -> None:
    user = make_user()
    async with new_uow() as uow:
        uow.users.add(user)
        uow.posts.add(make_post(author_id=user.id))

    assert (await count_users(new_uow), await count_posts(new_uow)) == (0, 0)
    assert list(new_uow.publisher.recent) == []


async def test_an_exception_in_the_block_writes_nothing_and_propagates(
    new_uow: UowFactory,
) -> None:
    existing = make_user(name="Unchanged")
    async with new_uow() as uow:
        uow.users.add(existing)
        await uow.commit()

    async def change_then_fail() -> None:
        async with new_uow() as uow:
            uow.users.add(make_user())
            loaded = await uow.users.get(existing.id)
            assert loaded is not None
            loaded.update_profile(name=DisplayName("Changed"), now=NOW)
            raise Boom

    with pytest.raises(Boom):
        await change_then_fail()

    async with new_uow() as uow:
        found = await uow.users.get(existing.id)
    assert found is not None
    assert found.name.value == "Unchanged"
    assert await count_users(new_uow) == 1


async def test_events_are_published_after_a_successful_commit_only(new_uow: UowFactory) -> None:
    author = make_user()
    post = make_post(author_id=author.id)
    async with new_uow() as uow:
        uow.users.add(author)
        uow.posts.add(post)
        assert list(new_uow.publisher.recent) == []
        await uow.commit()

    assert sorted(event.name for event in new_uow.publisher.recent) == [
        "post_published",
        "user_registered",
    ]

    async with new_uow() as uow:
        uow.users.add(make_user(email=author.email))
        with pytest.raises(EmailAlreadyRegistered):
            await uow.commit()
    async with new_uow() as uow:
        uow.users.add(make_user())
    assert len(new_uow.publisher.recent) == 2


async def test_a_failed_commit_leaves_nothing_behind(new_uow: UowFactory) -> None:
    existing = make_user(email="taken@example.com")
    async with new_uow() as uow:
        uow.users.add(existing)
        await uow.commit()
    newcomer = make_user()

    async with new_uow() as uow:
        loaded = await uow.users.get(existing.id)
        assert loaded is not None
        loaded.update_profile(name=DisplayName("Renamed"), now=NOW)
        uow.users.add(newcomer)
        uow.posts.add(make_post(author_id=newcomer.id, tags=Tags.of(["a", "b"])))
        uow.users.add(make_user(email="TAKEN@example.com"))
        with pytest.raises(EmailAlreadyRegistered):
            await uow.commit()

    async with new_uow() as uow:
        found = await uow.users.get(existing.id)
        assert found is not None
        assert found.name == existing.name
        assert await uow.users.get(newcomer.id) is None
        assert not await uow.users.email_taken(newcomer.email)
    assert await count_posts(new_uow) == 0


@pytest.mark.parametrize(
    "username",
    [
        pytest.param(None, id="own-usernames"),
        pytest.param("racer", id="same-username"),  # RegisterUser derives it from the e-mail
    ],
)
async def test_of_concurrent_registrations_of_one_email_exactly_one_wins(
    new_uow: UowFactory, username: str | None
) -> None:
    email = Email("race@example.com")
    same_username = {} if username is None else {"username": username}

    async def register() -> None:
        async with new_uow() as uow:
            await uow.users.email_taken(email)  # a read first, as RegisterUser does
            await asyncio.sleep(0)
            uow.users.add(make_user(email=email, **same_username))
            await uow.commit()

    outcomes = await asyncio.gather(*(register() for _ in range(20)), return_exceptions=True)

    failures = [outcome for outcome in outcomes if outcome is not None]
    assert len(failures) == 19, outcomes
    assert {type(failure) for failure in failures} == {EmailAlreadyRegistered}
    assert await count_users(new_uow) == 1
    assert [event.name for event in new_uow.publisher.recent] == ["user_registered"]


async def test_a_transaction_that_only_read_a_user_does_not_undo_a_concurrent_change(
    new_uow: UowFactory,
) -> None:
    user = make_user(name="Before")
    async with new_uow() as uow:
        uow.users.add(user)
        await uow.commit()

    async with new_uow() as reader:
        assert await reader.users.get(user.id) is not None
        async with new_uow() as writer:
            changed = await writer.users.get(user.id)
            assert changed is not None
            changed.update_profile(name=DisplayName("After"), now=NOW)
            await writer.commit()
        reader.users.add(make_user())
        await reader.commit()

    async with new_uow() as uow:
        stored = await uow.users.get(user.id)
    assert stored is not None
    assert stored.name == DisplayName("After")


async def test_a_change_to_a_listed_post_is_saved(new_uow: UowFactory) -> None:
    author = make_user()
    post = make_post(author_id=author.id)
    async with new_uow() as uow:
        uow.users.add(author)
        uow.posts.add(post)
        await uow.commit()

    async with new_uow() as uow:
        (listed,) = (await uow.posts.list_published(PostFilter(), PageRequest())).items
        listed.retag(Tags.of(["listed"]), now=NOW)
        await uow.commit()

    async with new_uow() as uow:
        stored = await uow.posts.get(post.id)
    assert stored is not None
    assert stored.tags == Tags.of(["listed"])
