"""Signed cursors: base64url(JSON payload) + "." + base64url(HMAC-SHA256 tag), stdlib only.

The payload is the list's scope and the position (sort key and id); the tag covers both, so a
cursor cannot be altered, forged without the key, or replayed against another list."""

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from datetime import datetime

from application.pagination import Position
from application.ports.cursors import CursorCodec
from domain.errors import InvalidValue

TAG_BYTES = 16
MAX_CURSOR_LEN = 512
INVALID = "not a cursor this list gave out"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class HmacCursorCodec(CursorCodec):
    def __init__(self, secret: str) -> None:
        # A key of its own, derived from the signing secret: a cursor is never a valid token.
        self._key = hmac.new(secret.encode(), b"folio-cursor-v1", hashlib.sha256).digest()

    def _tag(self, payload: bytes) -> bytes:
        return hmac.digest(self._key, payload, "sha256")[:TAG_BYTES]  # one call, in C

    def encode(self, scope: str, position: Position) -> str:
        payload = json.dumps(
            [scope, position.key.isoformat(), position.id.hex], separators=(",", ":")
        ).encode()
        return f"{_b64(payload)}.{_b64(self._tag(payload))}"

    def decode(self, scope: str, cursor: str) -> Position:
        try:
            if len(cursor) > MAX_CURSOR_LEN:
                raise ValueError
            body, tag = cursor.split(".")
            payload = _unb64(body)
            if not hmac.compare_digest(_unb64(tag), self._tag(payload)):
                raise ValueError
            given_scope, key, hex_id = json.loads(payload)
            if given_scope != scope:
                raise ValueError
            position = Position(datetime.fromisoformat(key), uuid.UUID(hex=hex_id))
        except (ValueError, TypeError, binascii.Error, UnicodeError):
            raise InvalidValue("cursor", INVALID) from None
        if position.key.tzinfo is None:
            raise InvalidValue("cursor", INVALID)
        return position
