"""A username its owner changed away from stays theirs for a while."""

from datetime import timedelta

import pytest

from application.users.update_profile import UpdateProfile, UpdateProfileCommand
from domain.errors import UsernameAlreadyTaken
from tests.unit.harness import Folio, register, registration

DAYS = timedelta(days=30)


def rename(folio: Folio) -> UpdateProfile:
    return UpdateProfile(
        folio.uow(), folio.clock, folio.hasher, folio.rules, username_reservation=DAYS
    )


async def test_nobody_else_takes_a_left_username_while_it_is_reserved(folio: Folio):
    ada = await register(folio, "ada", username="ada")
    bob = await register(folio, "bob", username="bob")
    await rename(folio)(ada, UpdateProfileCommand(username="countess"))

    with pytest.raises(UsernameAlreadyTaken):
        await rename(folio)(bob, UpdateProfileCommand(username="ADA"))
    with pytest.raises(UsernameAlreadyTaken):
        await folio.register_user(registration(email="eve@example.com", username="ada"))


async def test_a_derived_username_steps_around_a_reserved_one(folio: Folio):
    ada = await register(folio, "ada", username="ada")
    await rename(folio)(ada, UpdateProfileCommand(username="countess"))

    view = await folio.register_user(registration(email="ada@elsewhere.example"))

    assert view.username.startswith("ada-")


async def test_the_owner_may_take_it_back(folio: Folio):
    ada = await register(folio, "ada", username="ada")
    await rename(folio)(ada, UpdateProfileCommand(username="countess"))

    view = await rename(folio)(ada, UpdateProfileCommand(username="ada"))

    assert view.username == "ada"


async def test_it_is_free_once_the_reservation_ends(folio: Folio):
    ada = await register(folio, "ada", username="ada")
    bob = await register(folio, "bob", username="bob")
    await rename(folio)(ada, UpdateProfileCommand(username="countess"))
    folio.clock.advance(DAYS)

    view = await rename(folio)(bob, UpdateProfileCommand(username="ada"))

    assert view.username == "ada"


async def test_a_change_of_case_reserves_nothing(folio: Folio):
    ada = await register(folio, "ada", username="ada")

    await rename(folio)(ada, UpdateProfileCommand(username="Ada"))

    assert folio.store.username_reservations == {}
