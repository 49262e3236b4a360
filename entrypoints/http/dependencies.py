"""Request-scoped dependencies shared by the routers: who is calling, and which page.

The caller is named by a bearer token (``Authorization: Bearer``) or, for first-party browser
front ends, by the session cookie; a cookie-authenticated unsafe request must also pass the
CSRF checks (see browser.py). Authenticate opens and closes its own unit of work before the
route's use case opens one, so a request never holds two connections at once."""

from collections.abc import Callable
from typing import Annotated, Any

from dependency_injector.wiring import Provide, inject
from fastapi import Depends, Query, Request
from fastapi.security import OAuth2PasswordBearer

from application.auth.authenticate import Authenticate
from application.errors import InvalidToken
from application.pagination import PageRequest
from domain.errors import PermissionDenied
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.http.browser import SAFE_METHODS, BrowserSessions
from entrypoints.http.openapi import BEARER_SCHEME, OPTIONAL_BEARER_SCHEME

TOKEN_URL = "token"  # noqa: S105 - the path of the token endpoint, not a secret


@inject
async def identify(
    request: Request,
    token: str | None,
    authenticate: Callable[[], Authenticate] = Provide[Container.authenticate.provider],
    browser: BrowserSessions = Provide[Container.sessions.browser],
) -> Actor | None:
    """The caller named by ``token`` or, without one, by the session cookie; None if neither
    is given. Not a FastAPI dependency itself: each level of dependencies costs FastAPI a
    solving pass on every request, and Authenticate is built only when there is a token to
    check (docs/performance.md)."""
    if token is not None:
        return await authenticate()(token)
    cookie = request.cookies.get(browser.access_cookie)
    if cookie is None:
        return None
    actor = await authenticate()(cookie)
    if request.method not in SAFE_METHODS:
        browser.check_origin(request)
        browser.check_csrf(request, actor.session_id)
    return actor


class _Caller(OAuth2PasswordBearer):
    """The caller, read from the bearer token or the session cookie: a security scheme that is
    the dependency itself, so FastAPI documents the scheme and solves one level, not two (a
    dependency on the scheme's token would be another solving pass on every request)."""

    def __init__(self, scheme_name: str, required: bool) -> None:
        # auto_error=False: a missing token is reported here, so that a cookie may stand in.
        super().__init__(tokenUrl=TOKEN_URL, scheme_name=scheme_name, auto_error=False)
        self._required = required

    async def __call__(self, request: Request) -> Actor | None:  # type: ignore[override]
        headers = request.headers
        # Without the header the scheme finds no token (and its ``get`` raises and catches a
        # KeyError to say so).
        token = await super().__call__(request) if "authorization" in headers else None
        # Neither a token nor any cookie: anonymous, without identify's injections (about 2%
        # of an anonymous GET /posts/{id}, docs/performance.md).
        anonymous = token is None and "cookie" not in headers
        actor = None if anonymous else await identify(request, token)
        if actor is None:
            if self._required:
                raise InvalidToken("not authenticated")
            return None
        request.state.user_id = actor.id  # for the access log
        return actor


# The caller; 401 without a valid token (or session cookie) of an active user.
current_actor = _Caller(BEARER_SCHEME, required=True)
# The caller if a token or session cookie is given (401 if it is not valid), else None.
optional_actor = _Caller(OPTIONAL_BEARER_SCHEME, required=False)


def cursor_query(offset_name: str) -> Any:
    """The ``cursor`` query parameter of a list paged by ``offset_name`` too (both APIs)."""
    return Query(
        min_length=1,
        max_length=512,
        description=(
            f"the next_cursor of the page before, as given (same filters); instead of "
            f"{offset_name}, never with it: another value, or both, is a 422"
        ),
    )


async def page_request(
    skip: Annotated[int, Query(ge=0, le=PageRequest.MAX_SKIP)] = 0,
    limit: Annotated[int, Query(ge=1, le=PageRequest.MAX_LIMIT)] = PageRequest.DEFAULT_LIMIT,
    cursor: Annotated[str | None, cursor_query("skip")] = None,
) -> PageRequest:
    return PageRequest(skip=skip, limit=limit, cursor=cursor)


async def admin_actor(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
    """The caller if an admin: 401 anonymous, 403 otherwise, before the body is looked at."""
    if not actor.is_admin:
        raise PermissionDenied("only an admin may do this")
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]
AdminActor = Annotated[Actor, Depends(admin_actor)]
OptionalActor = Annotated[Actor | None, Depends(optional_actor)]
PageParams = Annotated[PageRequest, Depends(page_request)]
