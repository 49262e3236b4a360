"""Administration schemas: what admins send with an action, and the audit trail."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from domain.admin.audit import AuditAction, AuditTarget
from domain.admin.reason import Reason
from domain.roles import Role
from domain.users.limits import PostingLimit
from entrypoints.http.schemas.common import NO_NUL, NOT_BLANK, NotBool, Page

ReasonField = Annotated[
    str | None,
    Field(
        max_length=Reason.MAX_LEN,
        pattern=NO_NUL,
        description="why the admin acts; kept in the audit trail (blank: none)",
        examples=["spam"],
    ),
]


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: ReasonField = None


class RoleIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"role": "admin", "reason": "new editor"}]}
    )

    role: Role
    reason: ReasonField = None


class PostingLimitIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"posts_per_day": 3, "reason": "flooding the feed"}]},
    )

    posts_per_day: (
        Annotated[int, Field(ge=PostingLimit.MIN, le=PostingLimit.MAX), NotBool] | None
    ) = Field(
        description="new posts allowed in any 24 hours (0: none); null lifts the limit",
    )
    reason: ReasonField = None


class HideIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"reason": "harassment"}]}
    )

    reason: str = Field(
        min_length=1,
        max_length=Reason.MAX_LEN,
        pattern=NOT_BLANK,
        description="why; shown to the author and kept in the audit trail",
    )


class ModerationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    target_type: AuditTarget
    target_id: UUID
    hidden: bool
    reason: str | None = Field(description="why it is hidden; null once restored")
    hidden_at: datetime | None


class SessionsEndedOut(BaseModel):
    user_id: UUID
    ended_sessions: int = Field(ge=0, description="how many live sessions were ended")


class AuditEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    actor_id: UUID | None = Field(description="the admin who acted; null for the CLI operator")
    action: AuditAction
    target_type: AuditTarget
    target_id: UUID
    at: datetime
    reason: str | None
    detail: str | None = Field(description="what changed, e.g. role=admin")


class AuditPage(Page[AuditEntryOut]):
    pass
