"""Comments: list (token optional, oldest first), add and delete (token required)."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import TIMESTAMP, create_article, errors_of, token
from tests.e2e.realworld.spec import assert_conforms


async def comment(
    client: AsyncClient, slug: str, user: dict[str, Any], body: str = "His name was my name too."
) -> dict[str, Any]:
    response = await client.post(
        f"/api/articles/{slug}/comments", json={"comment": {"body": body}}, headers=token(user)
    )
    assert response.status_code == 200, response.text
    assert_conforms_comment(response.json())
    return dict(response.json()["comment"])


def assert_conforms_comment(body: dict[str, Any]) -> None:
    """SingleCommentResponse, with an integer ``id`` that JavaScript holds exactly."""
    assert_conforms(body, "SingleCommentResponse")
    assert isinstance(body["comment"]["id"], int)
    assert 0 <= body["comment"]["id"] < 2**53


async def test_adding_answers_200_with_the_comment(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    made = await comment(client, article["slug"], jane)
    assert made["body"] == "His name was my name too."
    assert TIMESTAMP.match(made["createdAt"])
    assert TIMESTAMP.match(made["updatedAt"])
    assert made["author"] == {
        "username": jane["username"], "bio": "", "image": "", "following": False,
    }  # fmt: skip


async def test_comments_are_listed_oldest_first_for_anyone(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    first = await comment(client, article["slug"], jane, "first comment")
    second = await comment(client, article["slug"], jake, "second comment")
    await client.post(f"/api/profiles/{jake['username']}/follow", headers=token(jane))
    response = await client.get(f"/api/articles/{article['slug']}/comments")
    assert response.status_code == 200
    comments = response.json()["comments"]
    for item in comments:
        assert_conforms_comment({"comment": item})
    assert [c["id"] for c in comments] == [first["id"], second["id"]]
    seen_by_jane = await client.get(
        f"/api/articles/{article['slug']}/comments", headers=token(jane)
    )
    assert [c["author"]["following"] for c in seen_by_jane.json()["comments"]] == [False, True]


async def test_more_comments_than_a_page_are_all_listed(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    for number in range(3):
        await comment(client, article["slug"], jake, f"comment number {number}")
    response = await client.get(f"/api/articles/{article['slug']}/comments")
    assert [c["body"] for c in response.json()["comments"]] == [
        "comment number 0", "comment number 1", "comment number 2",
    ]  # fmt: skip


async def test_deleting_someone_elses_comment_is_403(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    article = await create_article(client, jane)
    jakes = await comment(client, article["slug"], jake)
    other = await create_article(client, jake)
    on_other = await comment(client, other["slug"], jake)
    path = f"/api/articles/{other['slug']}/comments/{on_other['id']}"
    response = await client.delete(path, headers=token(jane))
    assert errors_of(response, 403) == {"comment": ["forbidden"]}
    listed = (await client.get(f"/api/articles/{other['slug']}/comments")).json()["comments"]
    assert [c["id"] for c in listed] == [on_other["id"]]
    own = await client.delete(
        f"/api/articles/{article['slug']}/comments/{jakes['id']}", headers=token(jake)
    )
    assert own.status_code == 204
    assert own.content == b""
    assert (await client.get(f"/api/articles/{article['slug']}/comments")).json() == {
        "comments": []
    }


async def test_the_articles_author_may_delete_a_comment(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    janes = await comment(client, article["slug"], jane)
    path = f"/api/articles/{article['slug']}/comments/{janes['id']}"
    assert (await client.delete(path, headers=token(jake))).status_code == 204


@pytest.mark.parametrize("comment_id", ["12", str(2**53 + 5)])
async def test_an_unknown_comment_is_a_404(
    client: AsyncClient, jake: dict[str, Any], comment_id: str
) -> None:
    article = await create_article(client, jake)
    await comment(client, article["slug"], jake)
    path = f"/api/articles/{article['slug']}/comments/{comment_id}"
    response = await client.delete(path, headers=token(jake))
    assert errors_of(response, 404) == {"comment": ["not found"]}
    assert (
        len((await client.get(f"/api/articles/{article['slug']}/comments")).json()["comments"]) == 1
    )


@pytest.mark.parametrize("comment_id", ["0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a", "x"])
async def test_a_comment_id_that_is_no_integer_is_a_422(
    client: AsyncClient, jake: dict[str, Any], comment_id: str
) -> None:
    article = await create_article(client, jake)
    path = f"/api/articles/{article['slug']}/comments/{comment_id}"
    response = await client.delete(path, headers=token(jake))
    assert response.status_code == 422, response.text
    assert "errors" in response.json()


async def test_comments_of_an_unknown_article_are_a_404(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    listed = await client.get("/api/articles/nothing-here/comments")
    assert errors_of(listed, 404) == {"article": ["not found"]}
    added = await client.post(
        "/api/articles/nothing-here/comments", json={"comment": {"body": "hello"}},
        headers=token(jake),
    )  # fmt: skip
    assert errors_of(added, 404) == {"article": ["not found"]}


async def test_adding_needs_a_token_and_a_body(client: AsyncClient, jake: dict[str, Any]) -> None:
    article = await create_article(client, jake)
    path = f"/api/articles/{article['slug']}/comments"
    anonymous = await client.post(path, json={"comment": {"body": "hello"}})
    assert errors_of(anonymous, 401) == {"token": ["is missing"]}
    blank = await client.post(path, json={"comment": {"body": " "}}, headers=token(jake))
    assert errors_of(blank, 422) == {"body": ["can't be blank"]}
    missing = await client.post(path, json={"comment": {}}, headers=token(jake))
    assert errors_of(missing, 422) == {"body": ["can't be blank"]}
    deleting = await client.delete(f"{path}/0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a")
    assert errors_of(deleting, 401) == {"token": ["is missing"]}
