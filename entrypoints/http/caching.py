"""HTTP caching and concurrency control for the native API: strong ETags, If-None-Match (304),
If-Match (the versions a write must find, else 412) and Cache-Control.

An aggregate's ETag is ``"<version>-<digest>"``: the version it had when read and a digest of
the body, so the tag changes whenever the bytes do (also when something outside the aggregate
that the body shows changes). A list's is ``"<digest>"``. If-Match is matched on the version
(the part a write can check atomically); a weak or malformed tag matches nothing."""

import hashlib
from typing import Annotated

from fastapi import Header, Request, Response
from pydantic import BaseModel

NO_STORE = "no-store"
# The 304 of a read that answers an ETag, for its route's documented responses.
NOT_MODIFIED = {"description": "Not modified: the ETag given in If-None-Match is current"}


def entity_tag(body: bytes, version: int | None = None) -> str:
    digest = hashlib.blake2b(body, digest_size=12).hexdigest()
    return f'"{digest}"' if version is None else f'"{version}-{digest}"'


def _listed(header: str) -> list[str]:
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def not_modified(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110's weak comparison: does ``If-None-Match`` name the current representation?"""
    if not if_none_match:
        return False
    tags = _listed(if_none_match)
    return "*" in tags or etag in (tag.removeprefix("W/") for tag in tags)


def _version(tag: str) -> int | None:
    if not (len(tag) > 2 and tag[0] == tag[-1] == '"'):
        return None
    number, _, digest = tag[1:-1].partition("-")
    return int(number) if number.isdecimal() and len(number) < 10 and digest else None


def expected_versions(if_match: str | None) -> frozenset[int] | None:
    """The versions ``If-Match`` accepts; None when it is absent or ``*`` (no condition)."""
    if if_match is None:
        return None
    tags = _listed(if_match)
    if tags == ["*"]:
        return None
    return frozenset(v for v in map(_version, tags) if v is not None)


def represent(
    request: Request,
    model: BaseModel,
    *,
    version: int | None = None,
    public: bool = False,
    status_code: int = 200,
) -> Response:
    """``model`` as JSON with its ETag and Cache-Control; a 304 without a body when the
    request's If-None-Match names it. Public answers may be kept by any cache for
    ``app.state.cache_max_age`` seconds; the others are ``no-store``."""
    body = model.__pydantic_serializer__.to_json(model)
    return represent_json(request, body, version=version, public=public, status_code=status_code)


def represent_json(
    request: Request,
    body: bytes,
    *,
    version: int | None = None,
    public: bool = False,
    status_code: int = 200,
    media_type: str = "application/json",
) -> Response:
    """``represent`` for a body already written as JSON (as ``media_type``)."""
    etag = entity_tag(body, version)
    if public:
        headers = {
            "ETag": etag,
            "Cache-Control": f"public, max-age={request.app.state.cache_max_age}",
        }
        headers["Vary"] = "Authorization"
    else:
        headers = {"ETag": etag, "Cache-Control": NO_STORE}
    if request.method in ("GET", "HEAD") and not_modified(_if_none_match(request), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code, headers, media_type=media_type)


def _if_none_match(request: Request) -> str | None:
    """The header, as ``request.headers.get`` reads it, without the KeyError that ``get``
    raises and catches when it is absent (as it is from most requests)."""
    values = request.headers.getlist("if-none-match")
    return values[0] if values else None


async def if_match(
    header: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description="the ETag read before this change; a stale one: 412, nothing changes",
        ),
    ] = None,
) -> frozenset[int] | None:
    return expected_versions(header)
