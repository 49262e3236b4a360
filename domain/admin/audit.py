"""The audit trail: one entry per admin action, written with the action and never changed."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from domain.ids import UserId


class AuditAction(StrEnum):
    DEACTIVATE_USER = "deactivate_user"
    REACTIVATE_USER = "reactivate_user"
    CHANGE_ROLE = "change_role"
    END_SESSIONS = "end_sessions"
    SET_POSTING_LIMIT = "set_posting_limit"
    HIDE_POST = "hide_post"
    RESTORE_POST = "restore_post"
    HIDE_COMMENT = "hide_comment"
    RESTORE_COMMENT = "restore_comment"


class AuditTarget(StrEnum):
    USER = "user"
    POST = "post"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """Who (``actor_id``; None for the operator on the CLI) did what (``action``, with
    ``detail`` such as the new role) to which ``target``, when (``at``) and why (``reason``)."""

    id: UUID
    actor_id: UserId | None
    action: AuditAction
    target_type: AuditTarget
    target_id: UUID
    at: datetime
    reason: str | None = None
    detail: str | None = None
    ACTION_MAX_LEN: ClassVar[int] = max(len(action.value) for action in AuditAction)
    TARGET_MAX_LEN: ClassVar[int] = max(len(target.value) for target in AuditTarget)
    DETAIL_MAX_LEN: ClassVar[int] = 200
