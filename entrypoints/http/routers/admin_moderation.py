"""Moderation, for admins: hide and restore posts and comments (401 anonymous, 403 others)."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Depends

from application.admin.hide_comment import HideComment
from application.admin.hide_post import HidePost
from application.admin.restore_comment import RestoreComment
from application.admin.restore_post import RestorePost
from domain.ids import CommentId, PostId
from entrypoints.container import Container
from entrypoints.http.dependencies import AdminActor
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.admin import HideIn, ModerationOut, ReasonIn
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(prefix="/admin", tags=["admin"], route_class=MediaTypeCheckedRoute)
ERRORS = problem_responses(401, 403, 404, 422)
OptionalReason = Annotated[ReasonIn | None, Body()]


@router.post("/posts/{post_id}/hide", response_model=ModerationOut, responses=ERRORS)
async def hide_post(
    post_id: UUID,
    body: HideIn,
    actor: AdminActor,
    hide: Annotated[HidePost, Depends(Inject[Container.admin.hide_post])],
) -> ModerationOut:
    """The post is gone for everyone but its author (lists, feed, search, tags, by id and by
    slug, RealWorld's /api too); its author sees ``hidden`` and ``hidden_reason`` on it."""
    return ModerationOut.model_validate(await hide(actor, PostId(post_id), body.reason))


@router.post("/posts/{post_id}/restore", response_model=ModerationOut, responses=ERRORS)
async def restore_post(
    post_id: UUID,
    actor: AdminActor,
    restore: Annotated[RestorePost, Depends(Inject[Container.admin.restore_post])],
    body: OptionalReason = None,
) -> ModerationOut:
    """The post is seen again as before."""
    reason = None if body is None else body.reason
    return ModerationOut.model_validate(await restore(actor, PostId(post_id), reason))


@router.post("/comments/{comment_id}/hide", response_model=ModerationOut, responses=ERRORS)
async def hide_comment(
    comment_id: UUID,
    body: HideIn,
    actor: AdminActor,
    hide: Annotated[HideComment, Depends(Inject[Container.admin.hide_comment])],
) -> ModerationOut:
    """The comment is gone for everyone but its author, who sees why."""
    return ModerationOut.model_validate(await hide(actor, CommentId(comment_id), body.reason))


@router.post("/comments/{comment_id}/restore", response_model=ModerationOut, responses=ERRORS)
async def restore_comment(
    comment_id: UUID,
    actor: AdminActor,
    restore: Annotated[RestoreComment, Depends(Inject[Container.admin.restore_comment])],
    body: OptionalReason = None,
) -> ModerationOut:
    """The comment is seen again as before."""
    reason = None if body is None else body.reason
    return ModerationOut.model_validate(await restore(actor, CommentId(comment_id), reason))
