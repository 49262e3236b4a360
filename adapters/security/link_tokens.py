"""Account-link secrets: HMAC-SHA256 of the token record's id under a key derived from the
signing secret, stored as a SHA-256 digest."""

import base64
import hashlib
import hmac
from uuid import UUID

from application.ports.account_tokens import AccountLinkTokens

_CONTEXT = b"folio account link token v1"


class HmacLinkTokens(AccountLinkTokens):
    def __init__(self, secret: str) -> None:
        self._key = hmac.new(secret.encode(), _CONTEXT, hashlib.sha256).digest()

    def token_for(self, token_id: UUID) -> str:
        mac = hmac.new(self._key, token_id.bytes, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()

    def digest(self, token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()
