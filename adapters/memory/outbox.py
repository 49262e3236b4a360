"""The outbox of the in-memory backend: the store's entries, changed under its lock."""

from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from adapters.memory.store import MemoryStore
from application.ports.outbox import EntryState, Outbox, OutboxEntry


class MemoryOutbox(Outbox):
    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    async def claim(
        self, owner: str, *, now: datetime, lease: timedelta, limit: int
    ) -> list[OutboxEntry]:
        async with self._store.lock:
            claimed: list[OutboxEntry] = []
            waiting: set[UUID] = set()  # aggregates with an earlier pending entry
            for entry in sorted(self._store.outbox.values(), key=lambda e: e.position):
                if entry.state is not EntryState.PENDING:
                    continue
                due = entry.available_at <= now and len(claimed) < limit
                if due and entry.aggregate_id not in waiting and self._free(entry, owner, now):
                    claimed.append(replace(entry, processed_by=self._processed_by(entry)))
                    self._store.outbox_leases[entry.event_id] = (owner, now + lease)
                waiting.add(entry.aggregate_id)
            return claimed

    def _free(self, entry: OutboxEntry, owner: str, now: datetime) -> bool:
        holder = self._store.outbox_leases.get(entry.event_id)
        return holder is None or holder[0] == owner or holder[1] <= now

    def _processed_by(self, entry: OutboxEntry) -> frozenset[str]:
        return frozenset(h for done, h in self._store.processed if done == entry.event_id)

    async def mark_processed(self, event_id: UUID, handler: str, *, now: datetime) -> None:
        self._store.processed.add((event_id, handler))

    async def complete(self, event_id: UUID, owner: str) -> None:
        async with self._store.lock:
            if self._holds(event_id, owner):
                self._store.outbox.pop(event_id, None)
                self._store.outbox_leases.pop(event_id, None)
                self._store.processed = {p for p in self._store.processed if p[0] != event_id}

    async def reschedule(
        self, event_id: UUID, owner: str, *, attempts: int, available_at: datetime, error: str
    ) -> None:
        self._update(
            event_id, owner, attempts=attempts, available_at=available_at, last_error=error
        )

    async def bury(self, event_id: UUID, owner: str, *, attempts: int, error: str) -> None:
        self._update(event_id, owner, attempts=attempts, state=EntryState.DEAD, last_error=error)

    def _update(self, event_id: UUID, owner: str, **changes: object) -> None:
        if self._holds(event_id, owner):
            entry = self._store.outbox[event_id]
            self._store.outbox[event_id] = replace(entry, **changes)  # type: ignore[arg-type]
            self._store.outbox_leases.pop(event_id, None)

    def _holds(self, event_id: UUID, owner: str) -> bool:
        holder = self._store.outbox_leases.get(event_id)
        return event_id in self._store.outbox and holder is not None and holder[0] == owner

    async def entries(self, *, dead: bool, limit: int) -> list[OutboxEntry]:
        state = EntryState.DEAD if dead else EntryState.PENDING
        found = [e for e in self._store.outbox.values() if e.state is state]
        return sorted(found, key=lambda e: e.position)[:limit]

    async def retry(self, event_id: UUID | None, *, now: datetime) -> int:
        async with self._store.lock:
            chosen = [
                entry
                for entry in self._store.outbox.values()
                if entry.state is EntryState.DEAD and event_id in (None, entry.event_id)
            ]
            for entry in chosen:
                self._store.outbox[entry.event_id] = replace(
                    entry, state=EntryState.PENDING, attempts=0, available_at=now
                )
            return len(chosen)
