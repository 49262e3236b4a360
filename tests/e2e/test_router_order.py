"""The routers and routes of the most-read paths are tried first
(entrypoints/http/router_order.py): that must change no answer, and the OpenAPI document keeps
its order."""

import inspect
import itertools

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute, RouteContext
from starlette.routing import BaseRoute

from entrypoints.http.app import create_app
from entrypoints.http.router_order import (
    DOCUMENTED,
    ROUTES_TRIED_FIRST,
    TRIED_FIRST,
    dispatch_order,
    in_document_order,
)
from tests.e2e.conftest import make_container


def _templates(router: APIRouter) -> list[str]:
    return [route.path for route in router.routes if isinstance(route, APIRoute)]


def _as_declared(router: APIRouter) -> list[APIRoute]:
    """The router's routes in the order of their endpoints in its module."""
    routes = [route for route in router.routes if isinstance(route, APIRoute)]
    return sorted(routes, key=lambda route: inspect.unwrap(route.endpoint).__code__.co_firstlineno)


def could_match_the_same_path(one: str, other: str) -> bool:
    """Whether some request path matches both route templates (``{...}`` matches a segment;
    a ``:path`` parameter any number of them)."""
    if ":path}" in one or ":path}" in other:
        return True
    first, second = one.split("/"), other.split("/")
    return len(first) == len(second) and all(
        a == b or "{" in a or "{" in b for a, b in zip(first, second, strict=True)
    )


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        pytest.param("/posts/{post_id}", "/posts/by-slug/{slug}", False, id="lengths"),
        pytest.param("/posts/{post_id}", "/posts/by-slug", True, id="parameter"),
        pytest.param("/me/posts", "/me/totp", False, id="literals"),
        pytest.param("/files/{rest:path}", "/me", True, id="path-parameter"),
    ],
)
def test_could_match_the_same_path(one: str, other: str, expected: bool) -> None:
    assert could_match_the_same_path(one, other) is expected


def test_a_router_tried_earlier_shares_no_path_with_those_it_passes() -> None:
    documented = {id(router): n for n, router in enumerate(DOCUMENTED)}
    dispatched = dispatch_order()
    assert sorted(map(id, dispatched)) == sorted(documented)
    for earlier, later in itertools.combinations(dispatched, 2):
        if documented[id(earlier)] < documented[id(later)]:
            continue  # as documented
        for one, other in itertools.product(_templates(earlier), _templates(later)):
            assert not could_match_the_same_path(one, other), (one, other)


def test_the_document_lists_the_routers_in_their_documented_order() -> None:
    app = create_app(make_container(storage="memory"))
    ours = {id(router) for router in DOCUMENTED}

    owner = {id(route): id(router) for router in DOCUMENTED for route in router.routes}

    def router_of(route: BaseRoute | RouteContext) -> int:
        if isinstance(route, RouteContext):  # one of a router's routes, listed alone
            return owner.get(id(route.original_route), 0)
        return id(getattr(route, "original_router", None))

    def routers(routes: list[BaseRoute | RouteContext]) -> list[int]:
        found = [router for router in map(router_of, routes) if router in ours]
        return [router for n, router in enumerate(found) if n == 0 or found[n - 1] != router]

    assert routers(in_document_order(app.routes)) == [id(r) for r in DOCUMENTED]
    assert routers(list(app.routes)) == [id(r) for r in dispatch_order()]


def test_a_route_tried_first_passes_no_route_that_could_answer_its_paths() -> None:
    dispatch_order()
    for router in TRIED_FIRST:
        declared = _as_declared(router)
        for n, route in enumerate(declared):
            if route.name in ROUTES_TRIED_FIRST:
                tried = [r for r in router.routes if isinstance(r, APIRoute)]
                assert tried.index(route) <= n
                for passed in declared[:n]:  # now tried after it
                    assert not could_match_the_same_path(route.path, passed.path), passed.path


def test_the_document_lists_a_routers_paths_as_declared() -> None:
    app = create_app(make_container(storage="memory"))
    paths = list(app.openapi()["paths"])
    for router in DOCUMENTED:
        templates = list(dict.fromkeys(route.path for route in _as_declared(router)))
        listed = [path for path in paths if path in templates]
        assert listed == [path for path in templates if path in listed]


def test_no_route_of_the_api_could_answer_a_docs_page() -> None:
    """The docs pages are tried after the API's routers (entrypoints/http/app.py)."""
    app = create_app(make_container(storage="memory"))
    docs = {
        getattr(route, "path", "").split("/")[1]
        for route in app.routes
        if getattr(route, "path", "").startswith(("/docs", "/redoc"))
    }
    assert docs == {"docs", "docs-assets", "redoc"}
    for router in DOCUMENTED:
        for template in _templates(router):
            first = template.split("/")[1]
            assert first not in docs, template
            assert "{" not in first, template
