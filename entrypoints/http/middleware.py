"""X-Request-ID: reuse a sane incoming one, or make one; put it on every reply."""

import os
import re

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from entrypoints.http.raw_headers import first_header

REQUEST_ID_HEADER = "X-Request-ID"
_RAW_NAME = REQUEST_ID_HEADER.lower().encode("latin-1")
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def request_id_of(request: Request) -> str:
    """The id given to this request by the middleware (a fresh one if it never ran)."""
    request_id = getattr(request.state, "request_id", None)
    return request_id if isinstance(request_id, str) else new_request_id()


def new_request_id() -> str:
    """What ``uuid.uuid4().hex`` gives (32 hex digits of a random version-4 UUID), a third of
    its cost: without the UUID object (docs/performance.md)."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # the version, 4
    raw[8] = raw[8] & 0x3F | 0x80  # the variant, RFC 9562's
    return raw.hex()


class RequestIdMiddleware:
    """Pure ASGI, so it neither buffers bodies nor hides exceptions from the handlers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = first_header(scope, _RAW_NAME) or ""
        request_id = incoming if _SANE_REQUEST_ID.match(incoming) else new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        header = (_RAW_NAME, request_id.encode("latin-1"))

        async def send_with_request_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [h for h in message.get("headers", ()) if h[0] != _RAW_NAME]
                message["headers"] = [*kept, header]
            await send(message)

        await self.app(scope, receive, send_with_request_id)
