"""Who is asking: the socket's peer, or, behind a proxy listed in FOLIO_TRUSTED_PROXIES, the
address that proxy saw (the right-most X-Forwarded-For entry not itself a trusted proxy)."""

from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from starlette.datastructures import Headers
from starlette.types import Scope

Network = IPv4Network | IPv6Network


class ClientAddresses:
    def __init__(self, trusted_proxies: list[str]) -> None:
        self._proxies: list[Network] = [ip_network(p, strict=False) for p in trusted_proxies]

    def _trusted(self, address: str) -> bool:
        try:
            parsed = ip_address(address)
        except ValueError:
            return False
        return any(parsed in network for network in self._proxies)

    def of(self, scope: Scope) -> str:
        client = scope.get("client")
        peer = str(client[0]) if client else "unknown"
        if not self._proxies or not self._trusted(peer):
            return peer
        hops = [
            hop.strip()
            for value in Headers(scope=scope).getlist("x-forwarded-for")
            for hop in value.split(",")
            if hop.strip()
        ]
        for hop in reversed(hops):
            if not self._trusted(hop):
                return hop if _is_address(hop) else peer
        return peer


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True


def client_address_of(scope: Scope) -> str | None:
    """The address AuditContextMiddleware found for this request (proxies considered), else
    the socket's peer."""
    found = scope.get("state", {}).get("client_address")
    if found is not None:
        return str(found)
    client = scope.get("client")
    return str(client[0]) if client else None
