"""The cookie transport for first-party browser front ends: the session's tokens in
``__Host-`` cookies (HttpOnly, Secure, SameSite=Lax, Path=/), and the CSRF defences that
cookie-authenticated unsafe requests need: a double-submit token bound to the session, and no
cross-site ``Origin``. Bearer requests carry no ambient credential and need neither."""

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass

from fastapi import Request, Response

from application.sessions.tokens import TokenPair
from domain.ids import SessionId

CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfRejected(Exception):
    """A cookie-authenticated unsafe request without a valid CSRF token, or from another site."""


@dataclass(frozen=True)
class BrowserSessions:
    """Cookie names and attributes, and the key that binds CSRF tokens to sessions.

    With ``secure`` off (plain-HTTP development) the cookies lose the Secure attribute and so
    the ``__Host-`` prefix, which browsers accept only on Secure cookies."""

    secret: str
    secure: bool = True
    trusted_origins: frozenset[str] = frozenset()

    @property
    def _prefix(self) -> str:
        return "__Host-folio-" if self.secure else "folio-"

    @property
    def access_cookie(self) -> str:
        return self._prefix + "access"

    @property
    def refresh_cookie(self) -> str:
        return self._prefix + "refresh"

    @property
    def csrf_cookie(self) -> str:
        return self._prefix + "csrf"

    def csrf_token(self, session_id: SessionId) -> str:
        return f"{session_id.hex}.{self._mac(session_id)}"

    def csrf_session(self, token: str | None) -> SessionId | None:
        """The session a genuine CSRF token was made for, or None."""
        hex_id, _, mac = (token or "").partition(".")
        try:
            session_id = SessionId(uuid.UUID(hex=hex_id))
        except ValueError:
            return None
        return session_id if hmac.compare_digest(mac, self._mac(session_id)) else None

    def set_cookies(self, response: Response, pair: TokenPair) -> str:
        """Put the pair in cookies; returns the CSRF token (also in a cookie JS can read)."""
        csrf = self.csrf_token(pair.session_id)
        self._set(response, self.access_cookie, pair.access.token, pair.access.expires_in)
        self._set(response, self.refresh_cookie, pair.refresh_token, pair.refresh_expires_in)
        self._set(response, self.csrf_cookie, csrf, pair.refresh_expires_in, http_only=False)
        return csrf

    def clear_cookies(self, response: Response) -> None:
        for name in (self.access_cookie, self.refresh_cookie, self.csrf_cookie):
            response.delete_cookie(
                name, path="/", secure=self.secure, httponly=True, samesite="lax"
            )

    def check_origin(self, request: Request) -> None:
        """Refuse a request that a browser says comes from another site."""
        origin = request.headers.get("origin")
        if origin is not None:
            own = f"{request.url.scheme}://{request.headers.get('host', '')}"
            if origin != own and origin not in self.trusted_origins:
                raise CsrfRejected(f"requests from {origin[:100]} are refused")
        elif request.headers.get("sec-fetch-site") == "cross-site":
            raise CsrfRejected("cross-site requests are refused")

    def check_csrf(self, request: Request, session_id: SessionId | None) -> None:
        """The double submit: the header repeats the CSRF cookie, made for this session."""
        header = request.headers.get(CSRF_HEADER, "")
        cookie = request.cookies.get(self.csrf_cookie, "")
        if (
            not header
            or not hmac.compare_digest(header, cookie)
            or session_id is None
            or self.csrf_session(header) != session_id
        ):
            raise CsrfRejected(f"a valid {CSRF_HEADER} header is required")

    def _set(
        self, response: Response, name: str, value: str, max_age: int, http_only: bool = True
    ) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/",
            secure=self.secure,
            httponly=http_only,
            samesite="lax",
        )

    def _mac(self, session_id: SessionId) -> str:
        digest = hmac.new(
            self.secret.encode(), b"folio-csrf\x00" + session_id.bytes, hashlib.sha256
        ).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
