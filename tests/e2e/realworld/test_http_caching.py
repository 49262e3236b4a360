"""HTTP caching on RealWorld's public reads, as on the native API's: a strong ETag, a 304
without a body for If-None-Match, ``Cache-Control: public`` with FOLIO_HTTP_CACHE_MAX_AGE when
read without a token and ``no-store`` with one; the body and its media type as before."""

from typing import Any

from httpx import AsyncClient

from tests.e2e.realworld.helpers import JSON_UTF8, create_article, token


async def test_public_reads_are_cacheable_and_conditional_without_a_token(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    slug = article["slug"]
    said = await client.post(
        f"/api/articles/{slug}/comments", json={"comment": {"body": "Hi"}}, headers=token(jake)
    )
    assert said.status_code == 200, said.text
    for path in (
        "/api/articles",
        f"/api/articles/{slug}",
        f"/api/articles/{slug}/comments",
        f"/api/profiles/{jake['username']}",
        "/api/tags",
    ):
        first = await client.get(path)
        assert first.status_code == 200, first.text
        assert first.headers["content-type"] == JSON_UTF8
        assert first.headers["cache-control"] == "public, max-age=5", path
        etag = first.headers["etag"]
        assert (etag[0], etag[-1]) == ('"', '"'), etag  # strong: no W/ prefix
        again = await client.get(path, headers={"If-None-Match": etag})
        assert (again.status_code, again.content) == (304, b""), path
        with_token = await client.get(path, headers=token(jake))
        assert with_token.headers["cache-control"] == "no-store", path


async def test_a_change_is_a_new_etag(client: AsyncClient, jake: dict[str, Any]) -> None:
    article = await create_article(client, jake)
    path = f"/api/articles/{article['slug']}"
    before = (await client.get(path)).headers["etag"]
    await client.post(f"{path}/favorite", headers=token(jake))
    after = await client.get(path, headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after.json()["article"]["favoritesCount"] == 1
