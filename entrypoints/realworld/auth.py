"""Who is calling: ``Authorization: Token <jwt>`` as RealWorld sends it, or ``Bearer <jwt>``,
with the same tokens as the native API. A token that is given must be valid, even where none
is needed (401 otherwise), as on the native API.

The OpenAPI document says which routes need a token (``Token``), which take one they do not
need (``OptionalToken``, documented as optional by entrypoints/realworld/openapi.py), and
says nothing of the token of a route that only checks it (``token_checked``: /api/tags)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from dependency_injector.wiring import Provide, inject
from fastapi import Depends, Header
from fastapi.security import APIKeyHeader

from application.auth.authenticate import Authenticate
from application.errors import InvalidToken
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.realworld.errors import TokenMissing
from entrypoints.realworld.openapi import AUTH_SCHEME, OPTIONAL_AUTH_SCHEME

SCHEMES = frozenset({"token", "bearer"})

_DESCRIPTION = "`Token <jwt>` (or `Bearer <jwt>`), the token of /api/users or /api/users/login"
_token = APIKeyHeader(
    name="Authorization", scheme_name=AUTH_SCHEME, description=_DESCRIPTION, auto_error=False
)
_optional_token = APIKeyHeader(
    name="Authorization",
    scheme_name=OPTIONAL_AUTH_SCHEME,
    description=_DESCRIPTION,
    auto_error=False,
)
_undocumented_token = Header(alias="Authorization", include_in_schema=False)


@dataclass(frozen=True, slots=True)
class Caller:
    actor: Actor
    token: str


def token_of(header: str | None) -> str | None:
    """The token of an Authorization header; None when there is none; InvalidToken when the
    header is not ``Token <jwt>`` or ``Bearer <jwt>``."""
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() not in SCHEMES or not token or " " in token:
        raise InvalidToken("the Authorization header must be 'Token <jwt>'")
    return token


@inject
async def _caller(
    header: str | None,
    authenticate: Callable[[], Authenticate] = Provide[Container.authenticate.provider],
) -> Caller | None:
    """Wired by dependency-injector outside FastAPI's solving (each level of dependencies
    costs FastAPI a solving pass on every request); Authenticate is built only when there is
    a token to check."""
    token = token_of(header)
    return None if token is None else Caller(await authenticate()(token), token)


async def optional_caller(
    header: Annotated[str | None, Depends(_optional_token)],
) -> Caller | None:
    # No header: anonymous, without _caller's injection (as the native actor skips identify).
    return None if header is None else await _caller(header)


async def current_caller(header: Annotated[str | None, Depends(_token)]) -> Caller:
    caller = await _caller(header)
    if caller is None:
        raise TokenMissing()
    return caller


async def token_checked(header: Annotated[str | None, _undocumented_token] = None) -> None:
    """A route that needs no token and shows the same to everyone still refuses a bad one."""
    if header is not None:
        await _caller(header)


# The actor alone, as most routes want it, depends on the header itself rather than through
# the caller: each level of dependencies costs FastAPI a solving pass on every request,
# whether a token is sent or not.
async def optional_actor(
    header: Annotated[str | None, Depends(_optional_token)],
) -> Actor | None:
    caller = await optional_caller(header)
    return None if caller is None else caller.actor


async def current_actor(header: Annotated[str | None, Depends(_token)]) -> Actor:
    return (await current_caller(header)).actor


CurrentCaller = Annotated[Caller, Depends(current_caller)]
CurrentActor = Annotated[Actor, Depends(current_actor)]
OptionalActor = Annotated[Actor | None, Depends(optional_actor)]
