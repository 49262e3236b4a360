"""Security headers on every response (OWASP Secure Headers, RFC 6749 section 5.1)."""

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


def security_headers(scope: Scope) -> dict[str, str]:
    """The headers a response to ``scope`` gets."""
    path: str = scope.get("path", "")
    headers = {
        **ALWAYS,
        "Content-Security-Policy": DOCS_CSP if path.startswith(DOCS_PATHS) else API_CSP,
    }
    request = Headers(scope=scope)
    if path.startswith(TOKEN_PATHS) or "authorization" in request or "cookie" in request:
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
    if scope.get("scheme") in ("https", "wss"):
        headers["Strict-Transport-Security"] = HSTS
    return headers


class SecurityHeadersMiddleware:
    """Adds ``security_headers`` to every HTTP response and drops any ``server`` banner."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers[name] = value
                del headers["server"]
            await send(message)

        await self.app(scope, receive, send_with_headers)
