"""How a WebSocket client presents its access token: in its first message, or as a
``Sec-WebSocket-Protocol`` value, never in the URL."""

import asyncio
import json
from urllib.parse import parse_qsl

from fastapi import WebSocket
from starlette.websockets import WebSocketDisconnect

# A client offering these beside its token gets one back as the accepted subprotocol.
AUTH_SUBPROTOCOLS = ("bearer", "access_token", "folio")
_URL_TOKEN_NAMES = frozenset({"token", "access_token", "jwt", "auth", "authorization", "bearer"})


class HandshakeRefused(Exception):
    """The client did not authenticate as the protocol asks; the message is the close reason."""


class ClientLeft(Exception):
    """The client closed the connection before authenticating."""


def looks_like_token(value: str) -> bool:
    return value.count(".") == 2 and len(value) > 20


def token_in_url(query_string: bytes) -> bool:
    """Whether the URL carries something that looks like a credential."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    return any(name.lower() in _URL_TOKEN_NAMES or looks_like_token(value) for name, value in pairs)


def offered_token(subprotocols: list[str]) -> tuple[str | None, str | None]:
    """The token among the offered subprotocols (``bearer, <token>`` or the token alone, with
    or without a ``bearer.`` prefix) and the subprotocol to accept, or (None, None)."""
    for offer in subprotocols:
        token = offer.removeprefix("bearer.")
        if looks_like_token(token):
            named = [p for p in subprotocols if p.lower() in AUTH_SUBPROTOCOLS]
            return token, (named[0] if named else offer)
    return None, None


async def first_message_token(websocket: WebSocket, within: float) -> str:
    """The token of the client's first message, ``{"type": "auth", "token": "..."}``."""
    try:
        async with asyncio.timeout(within):
            text = await websocket.receive_text()
    except TimeoutError as error:
        raise HandshakeRefused("authentication timed out") from error
    except WebSocketDisconnect as error:
        raise ClientLeft() from error
    except (KeyError, RuntimeError) as error:  # a binary frame, or a second disconnect
        raise HandshakeRefused("expected an auth message") from error
    try:
        message = json.loads(text)
    except ValueError as error:
        raise HandshakeRefused("expected an auth message") from error
    if not isinstance(message, dict) or message.get("type") != "auth":
        raise HandshakeRefused("expected an auth message")
    token = message.get("token")
    if not isinstance(token, str) or not token:
        raise HandshakeRefused("expected an auth message")
    return token
