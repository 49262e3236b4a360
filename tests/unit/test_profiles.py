"""Profiles: bio, image, usernames kept as written and unique in any case."""

import pytest

from application.errors import UserNotFound
from application.users.update_profile import UpdateProfileCommand
from domain.errors import InvalidValue, UsernameAlreadyTaken
from tests.unit.harness import Folio, register, register_admin, registration
from tests.unit.social import Social


async def test_a_profile_is_found_by_its_username_in_any_case(folio: Folio):
    jake = await register(folio, "jake", username="Jake_Doe", bio="I work at statefarm")

    profile = await Social(folio).get_profile("jAKE_doe", None)

    assert profile.id == jake.id
    assert profile.username == "Jake_Doe"
    assert profile.bio == "I work at statefarm"
    assert (profile.image, profile.following) == (None, False)
    assert (profile.followers_count, profile.following_count) == (0, 0)


@pytest.mark.parametrize("name", ["nobody", "no such user", "", "x" * 100])
async def test_an_unknown_or_impossible_username_is_not_found(folio: Folio, name: str):
    await register(folio, "jake")

    with pytest.raises(UserNotFound):
        await Social(folio).get_profile(name, None)


async def test_a_deactivated_users_profile_is_not_found(folio: Folio):
    root = await register_admin(folio)
    jake = await register(folio, "jake")
    await folio.deactivate_user(root, jake.id)

    with pytest.raises(UserNotFound):
        await Social(folio).get_profile("jake", root)


async def test_usernames_that_differ_only_in_case_are_one(folio: Folio):
    await register(folio, "jake", username="Jake")

    with pytest.raises(UsernameAlreadyTaken):
        await folio.register_user(registration(email="other@example.com", username="JAKE"))


async def test_bio_and_image_are_set_changed_and_cleared(folio: Folio):
    jake = await register(folio, "jake")
    update = UpdateProfileCommand(bio=" Hello ", image="https://img.example/j.png")

    view = await folio.update_profile(jake, update)
    assert (view.bio, view.image) == ("Hello", "https://img.example/j.png")

    view = await folio.update_profile(jake, UpdateProfileCommand(name="Jacob"))
    assert (view.bio, view.image) == ("Hello", "https://img.example/j.png")

    view = await folio.update_profile(jake, UpdateProfileCommand(bio="", image=""))
    assert (view.bio, view.image) == (None, None)


@pytest.mark.parametrize(
    "image",
    [
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("data:image/png;base64,AAAA", id="data"),
        pytest.param("JaVaScRiPt:alert(1)", id="javascript-mixed-case"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("//example.com/a.png", id="scheme-relative"),
        pytest.param("/a.png", id="relative"),
        pytest.param("https://", id="no-host"),
        pytest.param("https://exa mple.com/a.png", id="space"),
        pytest.param("https://example.com/\x00.png", id="nul"),
        pytest.param("https://[::1/a.png", id="malformed"),
        pytest.param("https://example.com/" + "a" * 2048, id="too-long"),
    ],
)
async def test_an_image_must_be_an_absolute_http_url(folio: Folio, image: str):
    jake = await register(folio, "jake")

    with pytest.raises(InvalidValue) as refused:
        await folio.update_profile(jake, UpdateProfileCommand(image=image))
    assert refused.value.field == "image"
    assert folio.store.users[jake.id].image is None


async def test_a_bio_is_bounded(folio: Folio):
    jake = await register(folio, "jake")

    with pytest.raises(InvalidValue) as refused:
        await folio.update_profile(jake, UpdateProfileCommand(bio="x" * 1001))
    assert refused.value.field == "bio"


async def test_a_username_can_change_its_case_but_not_to_someone_elses(folio: Folio):
    jake = await register(folio, "jake")
    await register(folio, "anna")

    view = await folio.update_profile(jake, UpdateProfileCommand(username="JAKE"))
    assert view.username == "JAKE"

    with pytest.raises(UsernameAlreadyTaken):
        await folio.update_profile(jake, UpdateProfileCommand(username="Anna"))
    assert folio.store.users[jake.id].username.value == "JAKE"
