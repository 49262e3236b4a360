"""Idempotency records in the memory store (one process)."""

from datetime import datetime

from adapters.memory.store import MemoryStore
from application.errors import IdempotencyKeyInUse
from application.ports.idempotency import Claim, IdempotencyStore, Record, StoredResponse


def claim_in_memory(store: MemoryStore, claim: Claim) -> None:
    """Take the key for ``claim`` (call under the store's lock); IdempotencyKeyInUse if an
    unexpired claim holds it."""
    held = store.idempotency.get((claim.scope, claim.key))
    if held is not None and held[0].expires_at > claim.created_at:
        raise IdempotencyKeyInUse()
    store.idempotency[(claim.scope, claim.key)] = (claim, None)


class MemoryIdempotencyStore(IdempotencyStore):
    claims_in_transaction = True

    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    async def find(self, scope: str, key: str, now: datetime) -> Record | None:
        held = self._store.idempotency.get((scope, key))
        if held is None or held[0].expires_at <= now:
            return None
        return Record(held[0].fingerprint, held[1])

    async def claim(self, claim: Claim) -> bool:
        async with self._store.lock:
            try:
                claim_in_memory(self._store, claim)
            except IdempotencyKeyInUse:
                return False
        return True

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        async with self._store.lock:
            held = self._store.idempotency.get((claim.scope, claim.key))
            if held is None or held[0].expires_at <= claim.created_at:
                held = (claim, None)  # no commit claimed it: nothing took effect
            if held[0].fingerprint == claim.fingerprint and held[1] is None:
                self._store.idempotency[(claim.scope, claim.key)] = (held[0], response)
