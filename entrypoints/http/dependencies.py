"""Request-scoped dependencies shared by the routers: who is calling, and which page.

Authenticate opens and closes its own unit of work before the route's use case opens one,
so a request never holds two connections at once."""

from typing import Annotated

from dependency_injector.wiring import inject
from fastapi import Depends, Query
from fastapi.security import OAuth2PasswordBearer

from application.auth.authenticate import Authenticate
from application.pagination import PageRequest
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.http.openapi import BEARER_SCHEME, OPTIONAL_BEARER_SCHEME

TOKEN_URL = "token"  # noqa: S105 - the path of the token endpoint, not a secret

_required_token = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, scheme_name=BEARER_SCHEME)
_optional_token = OAuth2PasswordBearer(
    tokenUrl=TOKEN_URL, scheme_name=OPTIONAL_BEARER_SCHEME, auto_error=False
)


@inject
async def current_actor(
    token: Annotated[str, Depends(_required_token)],
    authenticate: Annotated[Authenticate, Depends(Inject[Container.authenticate])],
) -> Actor:
    """The caller; 401 without a valid token of an active user."""
    return await authenticate(token)


@inject
async def optional_actor(
    token: Annotated[str | None, Depends(_optional_token)],
    authenticate: Annotated[Authenticate, Depends(Inject[Container.authenticate])],
) -> Actor | None:
    """The caller if a token is given (401 if it is not valid), else None."""
    return None if token is None else await authenticate(token)


async def page_request(
    skip: Annotated[int, Query(ge=0, le=PageRequest.MAX_SKIP)] = 0,
    limit: Annotated[int, Query(ge=1, le=PageRequest.MAX_LIMIT)] = PageRequest.DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=512,
            description="the next_cursor of the page before; instead of skip",
        ),
    ] = None,
) -> PageRequest:
    return PageRequest(skip=skip, limit=limit, cursor=cursor)


CurrentActor = Annotated[Actor, Depends(current_actor)]
OptionalActor = Annotated[Actor | None, Depends(optional_actor)]
PageParams = Annotated[PageRequest, Depends(page_request)]
