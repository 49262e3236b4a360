from dataclasses import dataclass
from uuid import UUID

from application.admin.trail import require_admin
from application.cursors import resolve, with_next_cursor
from application.errors import NotFound
from application.pagination import Page, PageRequest
from application.ports.admin_audit import AuditFilter
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditEntry
from domain.ids import UserId
from domain.roles import Actor

SCOPE = "audit"


class AuditEntryNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("audit entry not found")


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Entries by ``actor_id`` and/or about ``target_id`` (None: any)."""

    actor_id: UserId | None = None
    target_id: UUID | None = None


class ListAudit:
    """For admins: the audit trail, newest first, paged by skip or by cursor (for the same
    filters); ``get`` reads one entry. Nothing changes an entry."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(
        self, actor: Actor, query: AuditQuery, page: PageRequest
    ) -> Page[AuditEntry]:
        require_admin(actor)
        scope = f"{SCOPE}:{query.actor_id or ''}:{query.target_id or ''}"
        page = resolve(self._cursors, scope, page)
        where = AuditFilter(actor_id=query.actor_id, target_id=query.target_id)
        async with self._uow as uow:
            found = await uow.audit.list(where, page)
        return with_next_cursor(self._cursors, scope, found)

    async def get(self, actor: Actor, entry_id: UUID) -> AuditEntry:
        require_admin(actor)
        async with self._uow as uow:
            entry = await uow.audit.get(entry_id)
        if entry is None:
            raise AuditEntryNotFound()
        return entry
