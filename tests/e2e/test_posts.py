import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post, fields_of, post_body

MISSING = "00000000-0000-4000-8000-000000000000"


async def test_create_post(client: AsyncClient, alice: Account) -> None:
    body = post_body(title="  Hello, Wörld!  ", tags=[" Maths ", "maths", "Engines"])
    response = await client.post("/posts", json=body, headers=alice.headers)
    assert response.status_code == 201
    post = response.json()
    assert response.headers["location"] == f"/posts/{post['id']}"
    assert post["author_id"] == alice.id
    assert (post["title"], post["slug"]) == ("Hello, Wörld!", "hello-world")
    assert post["tags"] == ["maths", "engines"]
    assert post["published"] is True
    assert post["published_at"] is not None
    assert set(post) == {
        "id", "slug", "author_id", "author", "title", "description", "content", "tags",
        "published", "published_at", "created_at", "updated_at", "favorited", "favorites_count",
    }  # fmt: skip
    assert post["author"]["username"] == alice.user["username"]
    assert (post["favorited"], post["favorites_count"], post["description"]) == (False, 0, "")


async def test_a_post_is_a_draft_by_default(client: AsyncClient, alice: Account) -> None:
    body = {"title": "A quiet draft", "content": "Nothing to see here yet."}
    post = (await client.post("/posts", json=body, headers=alice.headers)).json()
    assert (post["published"], post["published_at"], post["tags"]) == (False, None, [])


async def test_identical_titles_get_unique_slugs(client: AsyncClient, alice: Account) -> None:
    first = await create_post(client, alice.headers, title="Same title")
    second = await create_post(client, alice.headers, title="Same title")
    assert first["slug"] == "same-title"
    assert second["slug"].startswith("same-title-")
    assert second["slug"] != first["slug"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"title": "Four"}, "title", id="short-title"),
        pytest.param({"title": "t" * 201}, "title", id="long-title"),
        pytest.param({"title": "   abc   "}, "title", id="title-short-once-stripped"),
        pytest.param({"content": "too short"}, "content", id="short-content"),
        pytest.param({"tags": [f"t{n}" for n in range(11)]}, "tags", id="too-many-tags"),
        pytest.param({"tags": ["x" * 31]}, "tags.0", id="long-tag"),
        pytest.param({"tags": ["   "]}, "tags.0", id="blank-tag"),
        pytest.param({"published": "maybe"}, "published", id="bad-published"),
        pytest.param({"author_id": MISSING}, "author_id", id="author-id-is-forbidden"),
        pytest.param({"slug": "my-slug"}, "slug", id="slug-is-forbidden"),
    ],
)
async def test_create_post_refuses_invalid_input(
    client: AsyncClient, alice: Account, overrides: dict[str, object], field: str
) -> None:
    response = await client.post("/posts", json=post_body(**overrides), headers=alice.headers)
    assert field in fields_of(assert_problem(response, 422))


async def test_banned_words_in_titles_are_refused(client: AsyncClient, alice: Account) -> None:
    response = await client.post(
        "/posts", json=post_body(title="Buy SPAM now"), headers=alice.headers
    )
    problem = assert_problem(response, 422)
    assert problem["type"].endswith("content-policy-violation")
    assert fields_of(problem) == {"title"}


async def test_creating_a_post_needs_a_token(client: AsyncClient) -> None:
    response = await client.post("/posts", json=post_body())
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_list_posts_newest_first_with_filters(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    first = await create_post(client, alice.headers, title="First post", tags=["a"])
    second = await create_post(client, bob.headers, title="Second post", tags=["a", "b"])
    third = await create_post(client, alice.headers, title="Third post", tags=["B"])
    await create_post(client, alice.headers, title="Draft post", published=False)

    async def ids(**params: object) -> list[str]:
        page = (await client.get("/posts", params=params)).json()
        assert page["total"] == len(page["items"])
        return [post["id"] for post in page["items"]]

    assert await ids() == [third["id"], second["id"], first["id"]]
    assert await ids(tag="a") == [second["id"], first["id"]]
    assert await ids(tag=" B ") == [third["id"], second["id"]]
    assert await ids(author_id=alice.id) == [third["id"], first["id"]]
    assert await ids(author_id=bob.id, tag="b") == [second["id"]]
    assert await ids(tag="nothing") == []
    page = (await client.get("/posts", params={"skip": 1, "limit": 1})).json()
    assert (page["total"], [p["id"] for p in page["items"]]) == (3, [second["id"]])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"author_id": "nope"}, "author_id", id="bad-author-id"),
        pytest.param({"tag": "x" * 31}, "tag", id="long-tag"),
        pytest.param({"tag": "  "}, "tag", id="blank-tag"),
    ],
)
async def test_list_posts_refuses_bad_filters(
    client: AsyncClient, params: dict[str, object], field: str
) -> None:
    assert field in fields_of(assert_problem(await client.get("/posts", params=params), 422))


async def test_a_draft_is_visible_to_its_author_only(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    draft = await create_post(client, alice.headers, published=False)
    path = f"/posts/{draft['id']}"
    assert (await client.get(path, headers=alice.headers)).json() == draft
    assert_problem(await client.get(path), 404)
    assert_problem(await client.get(path, headers=bob.headers), 404)
    assert_problem(await client.get(path, headers=admin.headers), 404)
    assert_problem(await client.patch(path, json={"title": "Stolen!"}, headers=bob.headers), 404)


async def test_get_post(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers)
    assert (await client.get(f"/posts/{post['id']}")).json() == post
    assert_problem(await client.get(f"/posts/{MISSING}"), 404)
    assert "post_id" in fields_of(assert_problem(await client.get("/posts/nope"), 422))
