"""PATCH is uniform: a field left out is unchanged, null clears an optional field and is refused
for the others; booleans are strict; a display name must show something; tags match by Unicode
case folding."""

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account, SignUp
from tests.e2e.helpers import assert_problem, create_post, fields_of


async def test_patch_me_leaves_out_keeps_and_null_clears_the_age(
    client: AsyncClient, sign_up: SignUp
) -> None:
    account = await sign_up(name="Ada", age=36)

    kept = await client.patch("/me", json={"name": "Ada King"}, headers=account.headers)
    cleared = await client.patch("/me", json={"age": None}, headers=account.headers)
    reread = await client.get("/me", headers=account.headers)

    assert (kept.json()["name"], kept.json()["age"]) == ("Ada King", 36)
    assert (cleared.json()["name"], cleared.json()["age"]) == ("Ada King", None)
    assert reread.json()["age"] is None


async def test_patch_me_null_clears_the_bio_too(client: AsyncClient, alice: Account) -> None:
    await client.patch("/me", json={"bio": "Countess."}, headers=alice.headers)

    cleared = await client.patch("/me", json={"bio": None}, headers=alice.headers)

    assert cleared.status_code == 200, cleared.text
    assert not cleared.json().get("bio")


@pytest.mark.parametrize("field", ["name", "username"])
async def test_patch_me_refuses_null_for_a_required_field(
    client: AsyncClient, alice: Account, field: str
) -> None:
    response = await client.patch("/me", json={field: None, "age": 40}, headers=alice.headers)

    assert fields_of(assert_problem(response, 422)) == {field}
    assert (await client.get("/me", headers=alice.headers)).json()["age"] is None


@pytest.mark.parametrize("field", ["title", "content", "tags", "published"])
async def test_patch_post_refuses_null_for_a_required_field(
    client: AsyncClient, alice: Account, field: str
) -> None:
    post = await create_post(client, alice.headers)

    response = await client.patch(f"/posts/{post['id']}", json={field: None}, headers=alice.headers)

    assert fields_of(assert_problem(response, 422)) == {field}


async def test_patch_post_empty_tags_remove_every_tag(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers, tags=["maths", "engines"])

    response = await client.patch(f"/posts/{post['id']}", json={"tags": []}, headers=alice.headers)

    assert response.json()["tags"] == []
    assert response.json()["title"] == post["title"]


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, "1"])
async def test_booleans_in_bodies_are_strict(
    client: AsyncClient, alice: Account, value: object
) -> None:
    created = await client.post(
        "/posts",
        json={"title": "Strict booleans", "content": "Only true or false.", "published": value},
        headers=alice.headers,
    )
    assert fields_of(assert_problem(created, 422)) == {"published"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("\u200b\u200b\u200b", id="zero-width-spaces"),
        pytest.param("\u3164\u3164", id="hangul-filler"),
        pytest.param("\x01\x02\x03", id="controls"),
        pytest.param("\u202e\u2066\u200d", id="bidi-and-joiner"),
        pytest.param("\u2800\u2800", id="braille-blank"),
    ],
)
async def test_an_invisible_display_name_is_refused(
    client: AsyncClient, alice: Account, name: str
) -> None:
    response = await client.patch("/me", json={"name": name}, headers=alice.headers)
    registered = await client.post(
        "/users", json={"email": "ghost@example.com", "name": name, "password": "a" * 12}
    )

    assert fields_of(assert_problem(response, 422)) == {"name"}
    assert fields_of(assert_problem(registered, 422)) == {"name"}


async def test_tags_compare_by_unicode_case_folding(client: AsyncClient, alice: Account) -> None:
    await create_post(client, alice.headers, tags=["Straße"])

    for query in ("STRASSE", "strasse", "straße", "Straße"):
        found = await client.get("/posts", params={"tag": query})
        assert found.json()["total"] == 1, query
