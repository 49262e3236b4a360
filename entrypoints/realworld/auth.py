"""Who is calling: ``Authorization: Token <jwt>`` as RealWorld sends it, or ``Bearer <jwt>``,
with the same tokens as the native API. A token that is given must be valid, even where none
is needed (401 otherwise), as on the native API."""

from dataclasses import dataclass
from typing import Annotated

from dependency_injector.wiring import inject
from fastapi import Depends
from fastapi.security import APIKeyHeader

from application.auth.authenticate import Authenticate
from application.errors import InvalidToken
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.realworld.errors import TokenMissing

SCHEMES = frozenset({"token", "bearer"})

_authorization = APIKeyHeader(
    name="Authorization",
    scheme_name="Token",
    description="`Token <jwt>` (or `Bearer <jwt>`), the token of /api/users or /api/users/login",
    auto_error=False,
)


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
async def optional_caller(
    header: Annotated[str | None, Depends(_authorization)],
    authenticate: Annotated[Authenticate, Depends(Inject[Container.authenticate])],
) -> Caller | None:
    token = token_of(header)
    return None if token is None else Caller(await authenticate(token), token)


async def current_caller(caller: Annotated[Caller | None, Depends(optional_caller)]) -> Caller:
    if caller is None:
        raise TokenMissing()
    return caller


async def optional_actor(
    caller: Annotated[Caller | None, Depends(optional_caller)],
) -> Actor | None:
    return None if caller is None else caller.actor


async def current_actor(caller: Annotated[Caller, Depends(current_caller)]) -> Actor:
    return caller.actor


CurrentCaller = Annotated[Caller, Depends(current_caller)]
CurrentActor = Annotated[Actor, Depends(current_actor)]
OptionalActor = Annotated[Actor | None, Depends(optional_actor)]
