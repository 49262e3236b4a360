"""Request bodies: at most ``max_bytes`` (chunked ones too), and JSON of bounded shape,
checked before authentication and parsing; anything else is a 413 problem at once."""

from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from entrypoints.http.asgi_problem import send_problem
from entrypoints.http.json_shape import json_shape_problem
from entrypoints.http.raw_headers import first_header


class BodyLimitMiddleware:
    """Reads a request's body (at most ``max_bytes``) before the app runs, then replays it.
    A declared or streamed body over the limit is refused without reading the rest; so is
    JSON nested deeper than ``max_depth`` or with an array longer than ``max_items``."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_depth: int, max_items: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth
        self.max_items = max_items

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = first_header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(scope, send)
            return
        no_length = declared in (None, "0")
        if no_length and "chunked" not in (first_header(scope, b"transfer-encoding") or ""):
            await self.app(scope, receive, send)
            return
        body = await self._read(receive)
        if body is None:
            await self._too_large(scope, send)
            return
        if _is_json(first_header(scope, b"content-type") or ""):
            problem = json_shape_problem(body, self.max_depth, self.max_items)
            if problem is not None:
                await send_problem(
                    scope,
                    send,
                    413,
                    kind="payload-too-large",
                    title="Content too large",
                    detail=problem,
                )
                return
        await self.app(scope, replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        await send_problem(
            scope,
            send,
            413,
            kind="payload-too-large",
            title="Content too large",
            detail=f"the request body must be at most {self.max_bytes} bytes",
            headers={"connection": "close"},
        )


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


async def read_body(receive: Receive) -> bytes:
    """The whole body (the body limit, further out, has bounded it already)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Callable[[], Awaitable[Message]]:
    """A ``receive`` that hands the app ``body`` whole, then waits on the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: wait for the disconnect, as the server would

    return replay
