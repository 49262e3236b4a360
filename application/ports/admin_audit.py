"""The admin audit trail (the security events are ports/audit.py's): entries are staged in a
unit of work and written with its commit, so an admin action and its record stand or fall
together. There is no way to change or remove one."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from uuid import UUID

from application.pagination import Page, PageRequest
from domain.admin.audit import AuditEntry
from domain.ids import UserId


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Entries by this actor and/or about this target (None: any)."""

    actor_id: UserId | None = None
    target_id: UUID | None = None


class AuditLog(ABC):
    def __init__(self) -> None:
        self.staged: list[AuditEntry] = []

    def record(self, entry: AuditEntry) -> None:
        """Stage ``entry``; it is written when the unit of work commits, or never."""
        self.staged.append(entry)

    @abstractmethod
    async def list(self, where: AuditFilter, page: PageRequest) -> Page[AuditEntry]:
        """Committed entries, newest first (by ``at``, then id), paged by skip or by position."""

    @abstractmethod
    async def get(self, entry_id: UUID) -> AuditEntry | None:
        """One committed entry."""
