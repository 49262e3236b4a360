"""One-click unsubscribe links signed with HMAC-SHA256 under a key derived from the JWT
secret: no expiry (a link in an old e-mail must still work), bound to one address."""

import base64
import binascii
import hashlib
import hmac
from urllib.parse import quote

from application.errors import InvalidUnsubscribeLink
from application.ports.email import UnsubscribeLinks

PATH = "/unsubscribe"
_PURPOSE = b"folio unsubscribe links v1"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class HmacUnsubscribeLinks(UnsubscribeLinks):
    def __init__(self, secret: str, base_url: str) -> None:
        self._key = hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest()
        self._base_url = base_url.rstrip("/")

    def token_for(self, email: str) -> str:
        address = email.strip().lower().encode()
        return f"{_b64(address)}.{_b64(self._mac(address))}"

    def link_for(self, email: str) -> str:
        return f"{self._base_url}{PATH}?token={quote(self.token_for(email))}"

    def email_of(self, token: str) -> str:
        encoded, _, signature = token.partition(".")
        try:
            address, mac = _unb64(encoded), _unb64(signature)
            if not hmac.compare_digest(mac, self._mac(address)):
                raise InvalidUnsubscribeLink()
            return address.decode()
        except (binascii.Error, ValueError) as error:
            raise InvalidUnsubscribeLink() from error

    def _mac(self, address: bytes) -> bytes:
        return hmac.new(self._key, address, hashlib.sha256).digest()
