"""415 for a body whose Content-Type the route does not take: a dependency of every native
route that takes a body (``MediaTypeCheckedRoute``, the route class of the native routers).

FastAPI would otherwise read a ``text/plain`` body as a JSON route's bytes and answer a
validation error about "a valid dictionary", or read a JSON body as an empty form. Routes
without a body do not carry it: every dependency costs FastAPI a solving pass on every
request, and there the check would have nothing to do."""

from collections.abc import Callable
from email.message import Message
from typing import Any

from fastapi import Depends, HTTPException
from fastapi.params import Form
from fastapi.routing import APIRoute
from starlette.requests import HTTPConnection

JSON = "application/json"
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


async def require_declared_media_type(request: HTTPConnection) -> None:
    """Raise 415 when the request has a body and the route's body is of another media type."""
    body_field = getattr(request.scope.get("route"), "body_field", None)
    if body_field is None or not _has_body(request):
        return
    wants_form = isinstance(body_field.field_info, Form)
    media_type = _media_type(request.headers.get("content-type", ""))
    accepted = media_type in FORMS if wants_form else _is_json(media_type)
    if not accepted:
        expected = " or ".join(FORMS) if wants_form else JSON
        given = media_type or "no Content-Type"
        raise HTTPException(415, detail=f"the body must be {expected}, not {given}")


def _has_body(request: HTTPConnection) -> bool:
    length = request.headers.get("content-length")
    return "transfer-encoding" in request.headers or (length is not None and length != "0")


def _media_type(header: str) -> str:
    if not header:
        return ""
    message = Message()
    message["content-type"] = header
    return message.get_content_type()


def _is_json(media_type: str) -> bool:
    return media_type == JSON or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


class MediaTypeCheckedRoute(APIRoute):
    """An APIRoute that, if it takes a body, depends on ``require_declared_media_type`` before
    anything else (authentication included), as an app-wide dependency would."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        super().__init__(path, endpoint, **options)
        if self.body_field is not None:  # known once FastAPI has read the endpoint
            checked = [Depends(require_declared_media_type), *(options.get("dependencies") or [])]
            super().__init__(path, endpoint, **{**options, "dependencies": checked})
