"""Idempotency-Key on POST (draft-ietf-httpapi-idempotency-key-header): the first response is
kept for a day and replayed for a retry with the same key and body, without a second effect;
the same key with another body is a 422, and a twin of a request still running a 409."""

import hashlib
import json
import re
from datetime import timedelta

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from application.ports.clock import Clock
from application.ports.idempotency import (
    Claim,
    IdempotencyStore,
    PendingClaim,
    StoredResponse,
    pending_claim,
)
from entrypoints.http.asgi_problem import send_problem
from entrypoints.http.body_limit import read_body, replay
from entrypoints.http.client_address import ClientAddresses

HEADER = "idempotency-key"
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
# Headers of the first response that a replay does not repeat (the outer layers add their own).
_NOT_KEPT = frozenset({"date", "server", "content-length", "x-request-id", "set-cookie"})
KEEP_FOR = timedelta(hours=24)


class IdempotencyMiddleware:
    def __init__(
        self, app: ASGIApp, store: IdempotencyStore, clock: Clock, addresses: ClientAddresses
    ) -> None:
        self.app = app
        self.store = store
        self.clock = clock
        self.addresses = addresses

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get(HEADER)
        if key is None:
            await self.app(scope, receive, send)
            return
        if not _VALID_KEY.match(key):
            await _refuse(scope, send, 400, "Idempotency-Key must be 1-255 visible characters")
            return
        body = await read_body(receive)
        now = self.clock.now()
        claim = Claim(
            self._scope(scope, headers), key, _fingerprint(scope, body), now, now + KEEP_FOR
        )
        record = await self.store.find(claim.scope, key, now)
        if record is not None:
            await self._answer_retry(scope, send, claim, record.fingerprint, record.response)
            return
        if not self.store.claims_in_transaction and not await self.store.claim(claim):
            await _refuse(scope, send, 409, "a request with this Idempotency-Key is in progress")
            return
        pending = PendingClaim(claim, claimed=not self.store.claims_in_transaction)
        kept = await self._run(scope, replay(body, receive), send, pending)
        if kept is not None and await self._ours_to_keep(claim, pending, kept):
            await self.store.complete(claim, kept)

    async def _ours_to_keep(
        self, claim: Claim, pending: PendingClaim, kept: StoredResponse
    ) -> bool:
        """A response is kept when its commit claimed the key; without a commit (nothing took
        effect), when no twin claimed it meanwhile and it is not a server error."""
        if pending.claimed:
            return True
        if kept.status >= 500:
            return False
        return await self.store.find(claim.scope, claim.key, claim.created_at) is None

    async def _run(
        self, scope: Scope, receive: Receive, send: Send, pending: PendingClaim
    ) -> StoredResponse | None:
        status = 0
        headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                for name, value in message.get("headers", []):
                    if name.decode("latin-1").lower() not in _NOT_KEPT:
                        headers.append((name.decode("latin-1"), value.decode("latin-1")))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        token = pending_claim.set(pending)
        try:
            await self.app(scope, receive, capture)
        finally:
            pending_claim.reset(token)
        return StoredResponse(status, headers, b"".join(chunks)) if status else None

    async def _answer_retry(
        self,
        scope: Scope,
        send: Send,
        claim: Claim,
        fingerprint: str,
        response: StoredResponse | None,
    ) -> None:
        if fingerprint != claim.fingerprint:
            await _refuse(scope, send, 422, "this Idempotency-Key was used for a different request")
        elif response is None:
            await _refuse(scope, send, 409, "a request with this Idempotency-Key is in progress")
        else:
            raw = [(n.encode("latin-1"), v.encode("latin-1")) for n, v in response.headers]
            raw += [
                (b"content-length", str(len(response.body)).encode()),
                (b"idempotent-replayed", b"true"),
            ]
            await send({"type": "http.response.start", "status": response.status, "headers": raw})
            await send({"type": "http.response.body", "body": response.body})

    def _scope(self, scope: Scope, headers: Headers) -> str:
        """Whose key it is: the credentials sent (a bearer token, or for a browser's cookie
        session the CSRF token bound to it), or else the client address."""
        credentials = (
            headers.get("authorization")
            or (f"csrf {headers['x-csrf-token']}" if "x-csrf-token" in headers else None)
            or f"address {self.addresses.of(scope)}"
        )
        return hashlib.sha256(credentials.encode()).hexdigest()


def _fingerprint(scope: Scope, body: bytes) -> str:
    target = json.dumps([scope["method"], scope["path"], scope.get("query_string", b"").hex()])
    return hashlib.sha256(target.encode() + b"\n" + body).hexdigest()


async def _refuse(scope: Scope, send: Send, status: int, detail: str) -> None:
    titles = {400: "Bad request", 409: "Conflict", 422: "Invalid request"}
    headers = {"Retry-After": "1"} if status == 409 else None
    await send_problem(
        scope,
        send,
        status,
        kind="idempotency-key",
        title=titles[status],
        detail=detail,
        headers=headers,
    )
