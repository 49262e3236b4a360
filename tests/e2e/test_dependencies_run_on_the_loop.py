"""Every dependency of every route is awaited on the event loop: FastAPI would run a
synchronous one in its thread pool, a thread hop per request (see docs/performance.md)."""

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import OAuth2PasswordRequestForm

# FastAPI's login form is a class, so it is built in the thread pool; POST /token spends far
# longer hashing (argon2, in a thread anyway) than that hop costs.
ALLOWED = frozenset({OAuth2PasswordRequestForm})


def _calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _calls(sub)


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """The app's routes, looking inside included routers (FastAPI keeps them nested)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _api_routes(included.routes)


def _is_awaited(call: Any) -> bool:
    return inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(
        getattr(call, "__call__", None)  # noqa: B004 - a callable instance's own __call__
    )


def test_no_route_depends_on_a_synchronous_callable(app: FastAPI) -> None:
    routes = list(_api_routes(app.routes))
    assert len(routes) >= 13

    synchronous = {
        f"{route.path} {sorted(route.methods)}: {call!r}"
        for route in routes
        for call in _calls(route.dependant)
        if not _is_awaited(call) and call not in ALLOWED
    }

    assert synchronous == set()
