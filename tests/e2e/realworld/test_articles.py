"""Articles: create (published at once), get by slug, update, delete."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import (
    JSON_UTF8,
    TIMESTAMP,
    create_article,
    errors_of,
    new_article,
    token,
)
from tests.e2e.realworld.spec import assert_conforms

ARTICLE_FIELDS = {
    "slug", "title", "description", "body", "tagList", "createdAt", "updatedAt",
    "favorited", "favoritesCount", "author",
}  # fmt: skip


async def test_creating_answers_201_with_the_published_article(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    sent = new_article(title="How to train your dragon", tagList=["dragons", "training"])
    response = await client.post("/api/articles", json={"article": sent}, headers=token(jake))
    assert response.status_code == 201, response.text
    assert response.headers["content-type"] == JSON_UTF8
    assert_conforms(response.json(), "SingleArticleResponse")
    article = response.json()["article"]
    assert set(article) == ARTICLE_FIELDS
    assert article["slug"] == "how-to-train-your-dragon"
    assert (article["title"], article["description"], article["body"]) == (
        sent["title"], sent["description"], sent["body"],
    )  # fmt: skip
    assert article["tagList"] == ["dragons", "training"]
    assert TIMESTAMP.match(article["createdAt"])
    assert TIMESTAMP.match(article["updatedAt"])
    assert (article["favorited"], article["favoritesCount"]) == (False, 0)
    assert article["author"] == {
        "username": jake["username"], "bio": "", "image": "", "following": False,
    }  # fmt: skip
    listed = (await client.get("/api/articles")).json()
    assert [a["slug"] for a in listed["articles"]] == [article["slug"]]


async def test_an_article_is_public_by_slug(client: AsyncClient, jake: dict[str, Any]) -> None:
    created = await create_article(client, jake)
    response = await client.get(f"/api/articles/{created['slug']}")
    assert response.status_code == 200
    assert_conforms(response.json(), "SingleArticleResponse")
    assert response.json() == {"article": created}


async def test_tag_list_keeps_the_order_given(client: AsyncClient, jake: dict[str, Any]) -> None:
    article = await create_article(client, jake, tagList=["zebra", "apple", "mango", "apple"])
    assert article["tagList"] == ["zebra", "apple", "mango"]


async def test_tag_list_is_optional(client: AsyncClient, jake: dict[str, Any]) -> None:
    sent = new_article()
    del sent["tagList"]
    response = await client.post("/api/articles", json={"article": sent}, headers=token(jake))
    assert response.status_code == 201
    assert response.json()["article"]["tagList"] == []


async def test_same_titles_get_distinct_slugs(client: AsyncClient, jake: dict[str, Any]) -> None:
    first = await create_article(client, jake, title="Same title here")
    second = await create_article(client, jake, title="Same title here")
    assert first["slug"] == "same-title-here"
    assert second["slug"].startswith("same-title-here-")
    got = await client.get(f"/api/articles/{second['slug']}")
    assert got.json()["article"]["body"] == second["body"]


@pytest.mark.parametrize("missing", ["title", "description", "body"])
async def test_creating_needs_title_description_and_body(
    client: AsyncClient, jake: dict[str, Any], missing: str
) -> None:
    sent = new_article()
    del sent[missing]
    response = await client.post("/api/articles", json={"article": sent}, headers=token(jake))
    assert errors_of(response, 422) == {missing: ["can't be blank"]}


@pytest.mark.parametrize("blank", ["title", "body"])
async def test_blank_title_or_body_is_refused(
    client: AsyncClient, jake: dict[str, Any], blank: str
) -> None:
    sent = new_article(**{blank: "  "})
    response = await client.post("/api/articles", json={"article": sent}, headers=token(jake))
    assert errors_of(response, 422) == {blank: ["can't be blank"]}
    assert (await client.get("/api/articles")).json()["articlesCount"] == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("tagList", "dragons", id="tags-not-a-list"),
        pytest.param("tagList", ["x" * 31], id="tag-too-long"),
        pytest.param("description", "d" * 301, id="long-description"),
        pytest.param("title", "t" * 201, id="long-title"),
    ],
)
async def test_bad_articles_name_the_field(
    client: AsyncClient, jake: dict[str, Any], field: str, value: Any
) -> None:
    sent = new_article(**{field: value})
    response = await client.post("/api/articles", json={"article": sent}, headers=token(jake))
    assert field in errors_of(response, 422)


async def test_creating_needs_a_token(client: AsyncClient) -> None:
    response = await client.post("/api/articles", json={"article": new_article()})
    assert errors_of(response, 401) == {"token": ["is missing"]}


async def test_an_unknown_slug_is_a_404(client: AsyncClient, jake: dict[str, Any]) -> None:
    for method in ("GET", "PUT", "DELETE"):
        body = {"article": {"body": "a new body for it"}} if method == "PUT" else None
        response = await client.request(
            method, "/api/articles/no-such-article", json=body, headers=token(jake)
        )
        assert errors_of(response, 404) == {"article": ["not found"]}


async def test_a_new_title_gives_a_new_slug(client: AsyncClient, jake: dict[str, Any]) -> None:
    created = await create_article(client, jake, title="The first title")
    response = await client.put(
        f"/api/articles/{created['slug']}",
        json={"article": {"title": "Did you train your dragon?"}},
        headers=token(jake),
    )
    assert response.status_code == 200, response.text
    assert_conforms(response.json(), "SingleArticleResponse")
    article = response.json()["article"]
    assert article["slug"] == "did-you-train-your-dragon"
    assert article["title"] == "Did you train your dragon?"
    assert article["body"] == created["body"]
    assert article["createdAt"] == created["createdAt"]
    assert article["updatedAt"] >= created["updatedAt"]
    assert (await client.get("/api/articles/did-you-train-your-dragon")).status_code == 200
    assert (await client.get(f"/api/articles/{created['slug']}")).status_code == 404


async def test_a_new_title_taken_by_another_slug_gets_a_suffix(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    await create_article(client, jake, title="Taken title")
    mine = await create_article(client, jake, title="Another title")
    response = await client.put(
        f"/api/articles/{mine['slug']}",
        json={"article": {"title": "Taken title"}},
        headers=token(jake),
    )
    assert response.json()["article"]["slug"].startswith("taken-title-")


async def test_updating_other_fields_keeps_the_slug(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    created = await create_article(client, jake)
    changes = {"description": "New description", "body": "A whole new body.", "tagList": ["new"]}
    response = await client.put(
        f"/api/articles/{created['slug']}", json={"article": changes}, headers=token(jake)
    )
    article = response.json()["article"]
    assert article["slug"] == created["slug"]
    assert (article["description"], article["body"], article["tagList"]) == (
        "New description", "A whole new body.", ["new"],
    )  # fmt: skip


async def test_only_the_author_updates_or_deletes(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    created = await create_article(client, jake)
    path = f"/api/articles/{created['slug']}"
    put = await client.put(path, json={"article": {"body": "hijacked!!"}}, headers=token(jane))
    assert errors_of(put, 403) == {"article": ["forbidden"]}
    delete = await client.delete(path, headers=token(jane))
    assert errors_of(delete, 403) == {"article": ["forbidden"]}
    assert (await client.get(path)).json()["article"]["body"] == created["body"]


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
async def test_changing_needs_a_token(
    client: AsyncClient, jake: dict[str, Any], method: str
) -> None:
    created = await create_article(client, jake)
    body = {"article": {"body": "no token here"}} if method == "PUT" else None
    response = await client.request(method, f"/api/articles/{created['slug']}", json=body)
    assert errors_of(response, 401) == {"token": ["is missing"]}


async def test_deleting_answers_204_and_the_article_is_gone(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    created = await create_article(client, jake)
    response = await client.delete(f"/api/articles/{created['slug']}", headers=token(jake))
    assert response.status_code == 204
    assert response.content == b""
    assert (await client.get(f"/api/articles/{created['slug']}")).status_code == 404
    assert (await client.get("/api/articles")).json()["articlesCount"] == 0
