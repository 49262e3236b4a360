"""The order the native API's routers and routes are tried in, and the order its OpenAPI
document lists them in.

FastAPI (0.165) tries the included routers one after the other, and passing a router whose
routes do not match costs about 75,000 instructions: before the posts router was tried first,
``GET /posts/{id}`` passed eight of them, a quarter of the whole request's work (valgrind,
docs/performance.md). Within a router, each route a request passes costs about 30,000 (FastAPI
matches it twice: to choose the router, then the route), and ``GET /posts/{id}`` passed three.
The routers and routes of the most-read paths are therefore tried first; the document keeps
the order in which the API reads best. A router or route moved ahead answers nothing those it
passes would have answered: none of its paths can be matched by theirs
(tests/e2e/test_router_order.py)."""

from collections.abc import Sequence

from fastapi import APIRouter
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from starlette.routing import BaseRoute

from entrypoints.http.routers import (
    accounts,
    admin_audit,
    admin_moderation,
    admin_users,
    auth,
    comments,
    favorites,
    feed,
    health,
    me,
    notifications,
    oidc,
    posts,
    profiles,
    sessions,
    two_factor,
    users,
    well_known,
)

DOCUMENTED: tuple[APIRouter, ...] = tuple(
    module.router
    for module in (
        auth,
        oidc,
        sessions,
        two_factor,
        well_known,
        users,
        me,
        accounts,
        posts,
        profiles,
        favorites,
        comments,
        feed,
        notifications,
        admin_users,
        admin_moderation,
        admin_audit,
        health,
    )
)
# GET /posts/{id}, GET /posts (lists, search), GET /tags and the feed.
TRIED_FIRST: tuple[APIRouter, ...] = (posts.router, feed.router)
# The endpoints first in their routers (TRIED_FIRST's): GET /posts/{id}.
ROUTES_TRIED_FIRST = frozenset({"get_post"})
_TRIED_FIRST_IDS = frozenset(id(router) for router in TRIED_FIRST)
# Each of their routes' place as declared, the document's order (taken before any is moved).
_DECLARED = {id(route): n for router in TRIED_FIRST for n, route in enumerate(router.routes)}


def dispatch_order() -> list[APIRouter]:
    """DOCUMENTED with TRIED_FIRST moved to the front, and in those the routes named in
    ROUTES_TRIED_FIRST first (moved in place, stably: the routers are the modules')."""
    for router in TRIED_FIRST:
        router.routes.sort(key=lambda route: _name(route) not in ROUTES_TRIED_FIRST)
    first = {id(router) for router in TRIED_FIRST}
    return [*TRIED_FIRST, *(router for router in DOCUMENTED if id(router) not in first)]


def in_document_order(routes: Sequence[BaseRoute]) -> list[BaseRoute | RouteContext]:
    """``routes`` (an app's, in dispatch order) with DOCUMENTED's routers back in its order,
    TRIED_FIRST's routes listed one by one as declared, every other route where it is."""
    documented: list[BaseRoute | RouteContext] = []
    for route in _routers_in_document_order(routes):
        if id(_router_of(route)) in _TRIED_FIRST_IDS:
            contexts = sorted(iter_route_contexts([route]), key=_declared_place)
            documented += contexts
        else:
            documented.append(route)
    return documented


def _routers_in_document_order(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    ordered = list(routes)
    documented_ids = {id(router) for router in DOCUMENTED}
    slots = [i for i, route in enumerate(ordered) if id(_router_of(route)) in documented_ids]
    by_router = {id(_router_of(ordered[i])): ordered[i] for i in slots}
    documented = [by_router[id(router)] for router in DOCUMENTED if id(router) in by_router]
    for slot, route in zip(slots, documented, strict=True):
        ordered[slot] = route
    return ordered


def _name(route: BaseRoute) -> str | None:
    return route.name if isinstance(route, APIRoute) else None


def _declared_place(context: RouteContext) -> int:
    return _DECLARED[id(context.original_route)]


def _router_of(route: BaseRoute) -> APIRouter | None:
    """The router an app's entry includes (FastAPI keeps it as ``original_router``)."""
    router = getattr(route, "original_router", None)
    return router if isinstance(router, APIRouter) else None
