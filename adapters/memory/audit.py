"""The audit trail in memory, with the SQL adapter's contract, and the rule the memory unit of
work checks at commit for admin actions: an active admin remains."""

from uuid import UUID

from adapters.memory.store import MemoryStore
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.admin_audit import AuditFilter, AuditLog
from domain.admin.audit import AuditEntry
from domain.admin.rules import LastAdmin
from domain.users.user import User


def position_of(entry: AuditEntry) -> Position:
    return Position(entry.at, entry.id)


class MemoryAuditLog(AuditLog):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store

    async def list(self, where: AuditFilter, page: PageRequest) -> Page[AuditEntry]:
        found = [
            entry
            for entry in self._store.audit
            if (where.actor_id is None or entry.actor_id == where.actor_id)
            and (where.target_id is None or entry.target_id == where.target_id)
        ]
        found.sort(key=position_of, reverse=True)
        after = page.after
        rest = found if after is None else [e for e in found if position_of(e) < after]
        chosen = rest[page.skip : page.skip + page.limit + 1]
        return keyset_page(chosen, len(found), page, position_of)

    async def get(self, entry_id: UUID) -> AuditEntry | None:
        return next((entry for entry in self._store.audit if entry.id == entry_id), None)

    def write_to(self, store: MemoryStore) -> None:
        store.audit.extend(self.staged)
        self.staged = []


def check_an_admin_remains(store: MemoryStore, changed: list[User]) -> None:
    """LastAdmin if writing ``changed`` would leave no active admin where there was one."""
    before = {user.id for user in store.users.values() if user.is_active_admin}
    after = (before - {user.id for user in changed}) | {u.id for u in changed if u.is_active_admin}
    if before and not after:
        raise LastAdmin()
