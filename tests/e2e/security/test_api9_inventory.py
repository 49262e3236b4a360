"""OWASP API9:2023 Improper inventory management: every route served is in an OpenAPI
document, and every documented operation is served (no shadow or zombie endpoints)."""

from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from httpx import AsyncClient
from starlette.routing import BaseRoute, Mount

Operation = tuple[str, str]
DOC_PAGES = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}
# Served on purpose outside any OpenAPI document, each for a reason: the documentation pages
# and their assets; the WebSocket (not an HTTP operation: README, "Live events").
UNDOCUMENTED: set[Operation] = {
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
    ("GET", "/docs-assets/redoc.standalone.js"),
    ("ANY", "/docs-assets"),
    ("ANY", "/ws"),
}


def walk(routes: Sequence[BaseRoute], prefix: str = "") -> Iterator[tuple[Operation, bool]]:
    """Every (method, path) served, and whether it is meant to be in a document."""
    for route in routes:
        if isinstance(route, APIRoute):
            for method in route.methods - {"HEAD"}:
                yield (method, prefix + route.path), route.include_in_schema
        elif hasattr(route, "original_router"):  # FastAPI's included router
            context: Any = route.include_context
            for operation, documented in walk(
                route.original_router.routes, prefix + context.prefix
            ):
                yield operation, documented and context.include_in_schema
        elif isinstance(route, Mount) and isinstance(route.app, FastAPI):
            yield from walk(route.app.routes, prefix + route.path)
        elif getattr(route, "path", "").removeprefix(prefix) not in DOC_PAGES:
            yield ("ANY", prefix + getattr(route, "path", "?")), False


async def documented(client: AsyncClient, url: str, prefix: str = "") -> set[Operation]:
    document = (await client.get(url)).json()
    return {
        (method.upper(), prefix + path)
        for path, operations in document["paths"].items()
        for method in operations
        if method not in ("parameters", "head")
    }


async def test_every_served_route_is_documented_and_every_documented_one_served(
    app: FastAPI, client: AsyncClient
):
    served = dict(walk(app.routes))
    documents = await documented(client, "/openapi.json")
    for route in app.routes:
        if isinstance(route, Mount) and isinstance(route.app, FastAPI) and route.app.openapi_url:
            documents |= await documented(client, route.path + route.app.openapi_url, route.path)

    assert served  # the walk found the routes
    assert {operation for operation, shown in served.items() if not shown} == UNDOCUMENTED
    assert set(served) - UNDOCUMENTED == documents
