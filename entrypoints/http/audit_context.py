"""Hands each request's id and client address to the audit trail (adapters/audit.py), and
the address to the routes (``client_address_of``: sessions record it)."""

from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.audit import client_address_var, request_id_var
from entrypoints.http.client_address import ClientAddresses


class AuditContextMiddleware:
    def __init__(self, app: ASGIApp, addresses: ClientAddresses) -> None:
        self.app = app
        self.addresses = addresses

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["client_address"] = self.addresses.of(scope)
        request_id = request_id_var.set(state.get("request_id"))
        address = client_address_var.set(state["client_address"])
        try:
            await self.app(scope, receive, send)
        finally:
            request_id_var.reset(request_id)
            client_address_var.reset(address)
