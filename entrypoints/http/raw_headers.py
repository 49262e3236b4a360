"""Reading one request header in a pure-ASGI layer without building Starlette's ``Headers``."""

from starlette.types import Scope


def first_header(scope: Scope, name: bytes) -> str | None:
    """The first value of the header ``name`` (lower case), as ``Headers(scope=scope).get``
    reads it; None when the request has none. Most requests lack most headers a layer
    checks, and this is all such a check then costs."""
    headers: list[tuple[bytes, bytes]] = scope["headers"]
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None
