"""The cookie that carries a social login from GET /auth/oidc/login to the callback: the
state, nonce and PKCE verifier (PendingLogin) and how the session is wanted, signed with a
key derived from the signing secret and good for ten minutes. HttpOnly and SameSite=Lax, so
it comes back on the provider's top-level redirect and nowhere else; nothing is stored on
the server."""

import base64
import binascii
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from fastapi import Request, Response

from application.errors import ExternalLoginFailed
from application.ports.identity_provider import PendingLogin

LIFETIME_SECONDS = 600


@dataclass(frozen=True, slots=True)
class StartedLogin:
    pending: PendingLogin
    cookie_session: bool


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class ProviderLoginCookie:
    secret: str
    secure: bool = True

    @property
    def name(self) -> str:
        return "__Host-folio-oidc" if self.secure else "folio-oidc"

    def set(self, response: Response, started: StartedLogin) -> None:
        pending = started.pending
        payload = json.dumps(
            {
                "state": pending.state,
                "nonce": pending.nonce,
                "verifier": pending.code_verifier,
                "cookie": started.cookie_session,
                "expires": int(time.time()) + LIFETIME_SECONDS,
            },
            separators=(",", ":"),
        ).encode()
        response.set_cookie(
            self.name,
            f"{_b64(payload)}.{_b64(self._tag(payload))}",
            max_age=LIFETIME_SECONDS,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )

    def read(self, request: Request) -> StartedLogin:
        """The login this browser began, or ExternalLoginFailed (none, expired, altered)."""
        body, _, tag = request.cookies.get(self.name, "").partition(".")
        try:
            payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            given = base64.urlsafe_b64decode(tag + "=" * (-len(tag) % 4))
            if not body or not hmac.compare_digest(given, self._tag(payload)):
                raise ValueError("not signed by this server")
            fields = json.loads(payload)
            if fields["expires"] < time.time():
                raise ValueError("expired")
            pending = PendingLogin(fields["state"], fields["nonce"], fields["verifier"])
            return StartedLogin(pending, fields["cookie"] is True)
        except (ValueError, KeyError, TypeError, binascii.Error) as error:
            raise ExternalLoginFailed(
                "no social login in progress in this browser (or it took more than ten "
                "minutes): start again at /auth/oidc/login"
            ) from error

    def clear(self, response: Response) -> None:
        response.delete_cookie(self.name, path="/", secure=self.secure, httponly=True)

    def _tag(self, payload: bytes) -> bytes:
        key = hmac.new(self.secret.encode(), b"folio-oidc-login-v1", hashlib.sha256).digest()
        return hmac.new(key, payload, hashlib.sha256).digest()
