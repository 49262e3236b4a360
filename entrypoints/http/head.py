"""HEAD wherever GET: answered by the GET route, headers and all, without the body."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    """Pure ASGI. FastAPI routes answer only the methods they declare, so HEAD would be a 405;
    this runs a HEAD request as a GET (a path without GET still answers 405) and sends the
    response's status and headers, Content-Length included, with an empty body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        scope["method"] = "GET"  # in place: outer middleware sees the route the GET found
        await self.app(scope, receive, send_without_body)
