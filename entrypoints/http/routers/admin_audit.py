"""The audit trail, for admins: read only. No PUT, PATCH or DELETE exists (405)."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from application.admin.list_audit import AuditQuery, ListAudit
from domain.ids import UserId
from entrypoints.container import Container
from entrypoints.http.dependencies import AdminActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.admin import AuditEntryOut, AuditPage
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(prefix="/admin/audit", tags=["admin"], route_class=MediaTypeCheckedRoute)


@router.get("", response_model=AuditPage, responses=problem_responses(401, 403, 422))
async def list_audit(
    actor: AdminActor,
    page: PageParams,
    audit: Annotated[ListAudit, Depends(Inject[Container.admin.list_audit])],
    actor_id: Annotated[UUID | None, Query(description="only this admin's actions")] = None,
    target_id: Annotated[UUID | None, Query(description="only actions on this")] = None,
) -> AuditPage:
    """Every admin action (who, what, which target, when, why), newest first."""
    who = None if actor_id is None else UserId(actor_id)
    return AuditPage.of(await audit(actor, AuditQuery(who, target_id), page))


@router.get("/{entry_id}", response_model=AuditEntryOut, responses=problem_responses(401, 403, 404))
async def get_audit_entry(
    entry_id: UUID,
    actor: AdminActor,
    audit: Annotated[ListAudit, Depends(Inject[Container.admin.list_audit])],
) -> AuditEntryOut:
    """One entry of the audit trail."""
    return AuditEntryOut.model_validate(await audit.get(actor, entry_id))
