"""The audit trail over one AsyncSession: staged entries are inserted by ``save_changes()``
inside the unit of work's transaction; nothing here updates or deletes one."""

from uuid import UUID

from sqlalchemy import ColumnElement, func, insert, select, tuple_
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import audit_entries
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.admin_audit import AuditFilter, AuditLog
from domain.admin.audit import AuditAction, AuditEntry, AuditTarget
from domain.ids import UserId


class SqlAlchemyAuditLog(AuditLog):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session

    async def list(self, where: AuditFilter, page: PageRequest) -> Page[AuditEntry]:
        conditions: list[ColumnElement[bool]] = []
        if where.actor_id is not None:
            conditions.append(audit_entries.c.actor_id == where.actor_id)
        if where.target_id is not None:
            conditions.append(audit_entries.c.target_id == where.target_id)
        total_query = select(func.count()).select_from(audit_entries).where(*conditions)
        query = select(audit_entries).where(*conditions)
        if page.after is not None:
            after = (page.after.key, page.after.id)
            query = query.where(tuple_(audit_entries.c.at, audit_entries.c.id) < after)
        query = query.order_by(audit_entries.c.at.desc(), audit_entries.c.id.desc())
        with translated_errors():
            total = await self._session.scalar(total_query)
            result = await self._session.execute(query.offset(page.skip).limit(page.limit + 1))
            found = [entry_from_row(row) for row in result.mappings().all()]
        return keyset_page(found, total or 0, page, lambda e: Position(e.at, e.id))

    async def get(self, entry_id: UUID) -> AuditEntry | None:
        with translated_errors():
            result = await self._session.execute(
                select(audit_entries).where(audit_entries.c.id == entry_id)
            )
            row = result.mappings().first()
        return None if row is None else entry_from_row(row)

    async def save_changes(self) -> None:
        if self.staged:
            await self._session.execute(insert(audit_entries), [_row(e) for e in self.staged])

    def mark_saved(self) -> None:
        self.staged = []


def _row(entry: AuditEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "actor_id": entry.actor_id,
        "action": entry.action.value,
        "target_type": entry.target_type.value,
        "target_id": entry.target_id,
        "at": entry.at,
        "reason": entry.reason,
        "detail": entry.detail,
    }


def entry_from_row(row: RowMapping) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        actor_id=None if row["actor_id"] is None else UserId(row["actor_id"]),
        action=AuditAction(row["action"]),
        target_type=AuditTarget(row["target_type"]),
        target_id=row["target_id"],
        at=row["at"],
        reason=row["reason"],
        detail=row["detail"],
    )
