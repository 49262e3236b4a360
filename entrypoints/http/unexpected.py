"""The last line: an exception no handler took becomes a 500 problem, logged exactly once."""

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from entrypoints.http.errors import handle_unexpected_error


class UnexpectedErrorMiddleware:
    """Pure ASGI, inside the request-id middleware. The error is logged here, with its traceback
    and request id, and not re-raised, so neither Starlette nor the server logs it again.

    An error that arrives after the response started was already answered (and logged) by a
    mounted sub-application's own handler, which Starlette re-raises: Folio streams no
    responses, so nothing else starts a reply and then fails. It is not logged a second time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as error:
            if started:
                return
            response = await handle_unexpected_error(Request(scope), error)
            await response(scope, receive, send)
