"""What the moderation use cases answer."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.admin.audit import AuditTarget
from domain.admin.reason import Hidden


@dataclass(frozen=True, slots=True)
class ModerationView:
    """What moderation left on a post or comment: hidden or not, why and since when."""

    target_type: AuditTarget
    target_id: UUID
    hidden: bool
    reason: str | None
    hidden_at: datetime | None

    @classmethod
    def of(
        cls, target_type: AuditTarget, target_id: UUID, hidden: Hidden | None
    ) -> "ModerationView":
        if hidden is None:
            return cls(target_type, target_id, False, None, None)
        return cls(target_type, target_id, True, hidden.reason.value, hidden.at)
