"""Only the host names in FOLIO_TRUSTED_HOSTS are served (Host-header attacks)."""

from starlette.types import ASGIApp, Receive, Scope, Send

from entrypoints.http.asgi_problem import send_problem
from entrypoints.http.raw_headers import first_header


class TrustedHostMiddleware:
    """``allowed`` names exact hosts, ``*.example.com`` a domain's subdomains, ``*`` any.
    Another Host is a 400 problem before anything else runs."""

    def __init__(self, app: ASGIApp, allowed: list[str]) -> None:
        self.app = app
        self.any = "*" in allowed
        self.exact = {host.lower() for host in allowed if not host.startswith("*")}
        self.suffixes = tuple(host[1:].lower() for host in allowed if host.startswith("*."))

    def allows(self, host: str) -> bool:
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.lower()
        return self.any or name in self.exact or name.endswith(self.suffixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        if self.allows(first_header(scope, b"host") or ""):
            await self.app(scope, receive, send)
        else:
            await send_problem(
                scope,
                send,
                400,
                kind="untrusted-host",
                title="Bad request",
                detail="this host name is not served here",
            )
