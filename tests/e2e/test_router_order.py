"""The routers of the most-read paths are tried first (entrypoints/http/router_order.py): that
must change no answer, and the OpenAPI document keeps its order."""

import itertools

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from entrypoints.http.app import create_app
from entrypoints.http.router_order import DOCUMENTED, dispatch_order, in_document_order
from tests.e2e.conftest import make_container


def _templates(router: APIRouter) -> list[str]:
    return [route.path for route in router.routes if isinstance(route, APIRoute)]


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

    def routers(routes: list[BaseRoute]) -> list[int]:
        found = (id(getattr(route, "original_router", None)) for route in routes)
        return [router for router in found if router in ours]

    assert routers(in_document_order(app.routes)) == [id(r) for r in DOCUMENTED]
    assert routers(app.routes) == [id(r) for r in dispatch_order()]
