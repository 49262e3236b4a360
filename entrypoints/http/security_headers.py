"""Security headers on every response (OWASP Secure Headers, RFC 6749 section 5.1)."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from entrypoints.http.asgi_problem import RESPONSE_MESSAGES
from entrypoints.http.docs import CONTENT_SECURITY_POLICY as DOCS_CSP

API_CSP = "default-src 'none'; frame-ancestors 'none'"
# The docs pages keep the policy that lets them run (entrypoints/http/docs.py).
DOCS_PATHS = ("/docs", "/redoc")
# Paths whose responses carry tokens, whoever asks (RFC 6749 section 5.1: no-store).
TOKEN_PATHS = ("/token", "/api/users")
HSTS = "max-age=31536000; includeSubDomains"
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Request headers that carry credentials: the responses to such requests are not stored.
CREDENTIALS = frozenset({b"authorization", b"cookie"})
# The message that starts a response, by scope type (a refused WebSocket handshake's too).
_STARTS = {kind: f"{prefix}.start" for kind, prefix in RESPONSE_MESSAGES.items()}


def _headers(*, docs: bool, no_store: bool, hsts: bool) -> dict[str, str]:
    headers = {**ALWAYS, "Content-Security-Policy": DOCS_CSP if docs else API_CSP}
    if no_store:
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
    if hsts:
        headers["Strict-Transport-Security"] = HSTS
    return headers


def _raw(headers: dict[str, str]) -> tuple[list[tuple[bytes, bytes]], frozenset[bytes]]:
    """The headers as ASGI sends them, and the names a response loses (its own values of
    these, and any ``server`` banner)."""
    raw = [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]
    return raw, frozenset({b"server", *(name for name, _ in raw)})


# Every combination, encoded once: a response then costs one pass over its own headers.
_RAW = {
    (docs, no_store, hsts): _raw(_headers(docs=docs, no_store=no_store, hsts=hsts))
    for docs in (False, True)
    for no_store in (False, True)
    for hsts in (False, True)
}


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response (a refused WebSocket handshake's too)
    and drops any ``server`` banner: every header of ``ALWAYS``, the API's or the docs'
    Content-Security-Policy, ``no-store`` for token paths and for requests with credentials,
    and HSTS over HTTPS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        start = _STARTS.get(scope["type"])
        if start is None:
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        no_store = path.startswith(TOKEN_PATHS) or any(
            name in CREDENTIALS for name, _ in scope["headers"]
        )
        hsts = scope.get("scheme") in ("https", "wss")
        extra, replaced = _RAW[path.startswith(DOCS_PATHS), no_store, hsts]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == start:
                kept = [h for h in message.get("headers", ()) if h[0] not in replaced]
                message["headers"] = kept + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)
