"""Opaque tokens: 256 random bits, stored as a SHA-256 digest. A slow hash is not needed: the
token has full entropy, so its digest cannot be reversed by guessing."""

import hashlib
import secrets

from application.ports.security import OpaqueTokens


class RandomOpaqueTokens(OpaqueTokens):
    def new(self) -> str:
        return secrets.token_urlsafe(32)

    def digest(self, token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()
