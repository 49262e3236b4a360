"""What every admin use case shares: only admins pass, and each action leaves an audit entry
staged in the action's own unit of work."""

from uuid import UUID

from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditAction, AuditEntry, AuditTarget
from domain.admin.reason import Reason
from domain.errors import PermissionDenied
from domain.roles import Actor


def require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDenied("only an admin may do this")


def reason_of(text: str | None) -> Reason | None:
    """The admin's reason, validated (InvalidValue), or None when none is given."""
    return None if text is None or not text.strip() else Reason(text)


class AdminTrail:
    """Stages audit entries: who (the actor; None for the CLI's operator), what, which target,
    when (the clock), why."""

    def __init__(self, clock: Clock, ids: IdGenerator) -> None:
        self._clock = clock
        self._ids = ids

    def record(
        self,
        uow: UnitOfWork,
        actor: Actor,
        action: AuditAction,
        target: tuple[AuditTarget, UUID],
        *,
        reason: Reason | None = None,
        detail: str | None = None,
    ) -> None:
        target_type, target_id = target
        uow.audit.record(
            AuditEntry(
                id=self._ids.new_id(),
                actor_id=None if actor.is_operator else actor.id,
                action=action,
                target_type=target_type,
                target_id=target_id,
                at=self._clock.now(),
                reason=None if reason is None else reason.value,
                detail=detail,
            )
        )
