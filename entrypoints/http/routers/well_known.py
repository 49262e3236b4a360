from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from application.ports.security import TokenService
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute

router = APIRouter(tags=["auth"], route_class=MediaTypeCheckedRoute)


@router.get("/.well-known/jwks.json")
async def json_web_key_set(
    response: Response,
    tokens: Annotated[TokenService, Depends(Inject[Container.tokens])],
) -> dict[str, list[dict[str, Any]]]:
    """The public keys that verify Folio's access tokens (RFC 7517), current and older ones,
    so other services can check a token's signature. Empty when tokens are signed with HMAC."""
    response.headers["Cache-Control"] = "public, max-age=300"
    return {"keys": tokens.public_keys()}
