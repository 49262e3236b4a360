"""The rehash on login is a compare-and-set on the old hash, on every backend."""

from datetime import timedelta

from tests.builders import NOW, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store

LATER = NOW + timedelta(minutes=5)


async def stored_hash(new_uow: UowFactory, user_id: object) -> tuple[str, object]:
    async with new_uow() as uow:
        user = await uow.users.get(user_id)  # type: ignore[arg-type]
        assert user is not None
        return user.password_hash, user.updated_at


async def test_the_swap_happens_while_the_hash_is_unchanged(new_uow: UowFactory) -> None:
    user = make_user(password_hash="old-hash")
    await store(new_uow, user)

    async with new_uow() as uow:
        uow.users.replace_password_hash(user.id, "old-hash", "rehashed", now=LATER)
        await uow.commit()

    assert await stored_hash(new_uow, user.id) == ("rehashed", LATER)


async def test_a_password_changed_meanwhile_wins(new_uow: UowFactory) -> None:
    user = make_user(password_hash="old-hash")
    await store(new_uow, user)
    async with new_uow() as changer:
        loaded = await changer.users.get(user.id)
        assert loaded is not None
        loaded.change_password("changed-by-owner", now=NOW)
        await changer.commit()

    async with new_uow() as uow:
        uow.users.replace_password_hash(user.id, "old-hash", "rehashed", now=LATER)
        await uow.commit()

    assert (await stored_hash(new_uow, user.id))[0] == "changed-by-owner"


async def test_a_swap_left_uncommitted_changes_nothing(new_uow: UowFactory) -> None:
    user = make_user(password_hash="old-hash")
    await store(new_uow, user)

    async with new_uow() as uow:
        uow.users.replace_password_hash(user.id, "old-hash", "rehashed", now=LATER)

    assert (await stored_hash(new_uow, user.id))[0] == "old-hash"
