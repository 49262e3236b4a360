"""PUT /api/user: e-mail, username, password, bio and image, all or nothing."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import PASSWORD, errors_of, token
from tests.e2e.realworld.spec import assert_conforms

IMAGE = "https://i.stack.imgur.com/xHWG8.jpg"


async def update(client: AsyncClient, user: dict[str, Any], **changes: Any) -> Any:
    return await client.put("/api/user", json={"user": changes}, headers=token(user))


async def test_bio_and_image_are_set_and_kept(client: AsyncClient, jake: dict[str, Any]) -> None:
    response = await update(client, jake, bio="I like to skateboard", image=IMAGE)
    assert response.status_code == 200, response.text
    assert_conforms(response.json(), "UserResponse")
    user = response.json()["user"]
    assert (user["bio"], user["image"], user["token"]) == (
        "I like to skateboard",
        IMAGE,
        jake["token"],
    )
    current = (await client.get("/api/user", headers=token(jake))).json()["user"]
    assert (current["bio"], current["image"]) == ("I like to skateboard", IMAGE)
    profile = (await client.get(f"/api/profiles/{jake['username']}")).json()["profile"]
    assert (profile["bio"], profile["image"]) == ("I like to skateboard", IMAGE)


async def test_empty_bio_and_image_clear_them(client: AsyncClient, jake: dict[str, Any]) -> None:
    await update(client, jake, bio="something", image=IMAGE)
    user = (await update(client, jake, bio="", image="")).json()["user"]
    assert (user["bio"], user["image"]) == ("", "")


async def test_email_and_username_change(client: AsyncClient, jake: dict[str, Any]) -> None:
    response = await update(client, jake, email="renamed@example.com", username="Renamed")
    assert response.status_code == 200, response.text
    user = response.json()["user"]
    assert (user["email"], user["username"]) == ("renamed@example.com", "Renamed")
    login = {"user": {"email": "renamed@example.com", "password": PASSWORD}}
    assert (await client.post("/api/users/login", json=login)).status_code == 200
    assert (await client.get("/api/profiles/renamed")).status_code == 200
    assert (await client.get(f"/api/profiles/{jake['username']}")).status_code == 404


async def test_the_password_changes_and_an_empty_one_is_no_change(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    assert (await update(client, jake, password="", bio="x y z")).status_code == 200
    old = {"user": {"email": jake["email"], "password": PASSWORD}}
    assert (await client.post("/api/users/login", json=old)).status_code == 200
    assert (await update(client, jake, password="a new long password")).status_code == 200
    assert (await client.post("/api/users/login", json=old)).status_code == 401
    new = {"user": {"email": jake["email"], "password": "a new long password"}}
    assert (await client.post("/api/users/login", json=new)).status_code == 200


@pytest.mark.parametrize(
    "image",
    ["javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://x.example/a.png", "/relative.png"],
)
async def test_only_http_images_are_accepted(
    client: AsyncClient, jake: dict[str, Any], image: str
) -> None:
    response = await update(client, jake, image=image)
    assert set(errors_of(response, 422)) == {"image"}
    assert (await client.get("/api/user", headers=token(jake))).json()["user"]["image"] == ""


async def test_taken_email_or_username_change_nothing(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    response = await update(client, jake, email=jane["email"], bio="changed")
    assert errors_of(response, 422) == {"email": ["has already been taken"]}
    response = await update(client, jake, username=jane["username"].upper(), bio="changed")
    assert errors_of(response, 422) == {"username": ["has already been taken"]}
    current = (await client.get("/api/user", headers=token(jake))).json()["user"]
    assert current == jake


async def test_bad_values_are_422_on_their_field(client: AsyncClient, jake: dict[str, Any]) -> None:
    assert set(errors_of(await update(client, jake, email="not-an-email"), 422)) == {"email"}
    assert errors_of(await update(client, jake, username=" "), 422) == {
        "username": ["can't be blank"]
    }
    assert set(errors_of(await update(client, jake, password="short"), 422)) == {"password"}


async def test_an_empty_update_is_refused(client: AsyncClient, jake: dict[str, Any]) -> None:
    errors_of(await client.put("/api/user", json={"user": {}}, headers=token(jake)), 422)


async def test_updating_needs_a_token(client: AsyncClient) -> None:
    response = await client.put("/api/user", json={"user": {"bio": "x"}})
    assert errors_of(response, 401) == {"token": ["is missing"]}
