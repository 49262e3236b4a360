"""Administration of accounts: every route is for admins only (401 anonymous, 403 others).

``POST /users/{id}/deactivate`` (users.py) stays as it was; it runs the same use case."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Query, Response, status

from application.admin.change_role import ChangeRole
from application.admin.end_user_sessions import EndUserSessions
from application.admin.reactivate_user import ReactivateUser
from application.admin.search_users import SearchUsers
from application.admin.set_posting_limit import SetPostingLimit
from application.users.deactivate_user import DeactivateUser
from application.users.get_user import GetUser
from domain.ids import UserId
from entrypoints.container import Container
from entrypoints.http.dependencies import AdminActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.admin import PostingLimitIn, ReasonIn, RoleIn, SessionsEndedOut
from entrypoints.http.schemas.common import NO_NUL, problem_responses
from entrypoints.http.schemas.users import UserOut, UserPage

router = APIRouter(prefix="/admin/users", tags=["admin"], route_class=MediaTypeCheckedRoute)
OptionalReason = Annotated[ReasonIn | None, Body()]
ACTION_ERRORS = problem_responses(401, 403, 404, 409, 422)


@router.get("", response_model=UserPage, responses=problem_responses(401, 403, 422))
async def search_users(
    actor: AdminActor,
    page: PageParams,
    search: Annotated[SearchUsers, Depends(Inject[Container.admin.search_users])],
    q: Annotated[
        str | None,
        Query(
            max_length=254,
            pattern=NO_NUL,
            description="an e-mail or username prefix, whatever its case",
        ),
    ] = None,
) -> UserPage:
    """Every user, deactivated ones too, oldest first, with their private fields; with ``q``,
    those whose e-mail or username starts with it."""
    return UserPage.of(await search(actor, q, page))


@router.get("/{user_id}", response_model=UserOut, responses=problem_responses(401, 403, 404))
async def get_user(
    user_id: UUID,
    actor: AdminActor,
    fetch: Annotated[GetUser, Depends(Inject[Container.get_user])],
) -> UserOut:
    """One user, deactivated or not, with their private fields."""
    return UserOut.model_validate(await fetch(UserId(user_id), actor))


@router.post("/{user_id}/deactivate", response_model=UserOut, responses=ACTION_ERRORS)
async def deactivate_user(
    user_id: UUID,
    actor: AdminActor,
    deactivate: Annotated[DeactivateUser, Depends(Inject[Container.deactivate_user])],
    body: OptionalReason = None,
) -> UserOut:
    """Every session of the user ends and they cannot log in. 409 for the last active admin
    (whoever asks, themself included)."""
    reason = None if body is None else body.reason
    return UserOut.model_validate(await deactivate(actor, UserId(user_id), reason))


@router.post("/{user_id}/reactivate", response_model=UserOut, responses=ACTION_ERRORS)
async def reactivate_user(
    user_id: UUID,
    actor: AdminActor,
    reactivate: Annotated[ReactivateUser, Depends(Inject[Container.admin.reactivate_user])],
    body: OptionalReason = None,
) -> UserOut:
    """The user may log in again."""
    reason = None if body is None else body.reason
    return UserOut.model_validate(await reactivate(actor, UserId(user_id), reason))


@router.put("/{user_id}/role", response_model=UserOut, responses=ACTION_ERRORS)
@router.patch("/{user_id}/role", response_model=UserOut, responses=ACTION_ERRORS)
async def change_role(
    user_id: UUID,
    body: RoleIn,
    actor: AdminActor,
    change: Annotated[ChangeRole, Depends(Inject[Container.admin.change_role])],
) -> UserOut:
    """Give the user another role (PUT and PATCH alike); every session of theirs ends. 409
    for demoting the last active admin."""
    return UserOut.model_validate(await change(actor, UserId(user_id), body.role, body.reason))


@router.put("/{user_id}/posting-limit", response_model=UserOut, responses=ACTION_ERRORS)
async def set_posting_limit(
    user_id: UUID,
    body: PostingLimitIn,
    actor: AdminActor,
    limit: Annotated[SetPostingLimit, Depends(Inject[Container.admin.set_posting_limit])],
) -> UserOut:
    """At most ``posts_per_day`` new posts in any 24 hours (null lifts it); past it, creating
    a post is a 429 problem."""
    view = await limit(actor, UserId(user_id), body.posts_per_day, body.reason)
    return UserOut.model_validate(view)


@router.post("/{user_id}/sessions/revoke", response_model=SessionsEndedOut, responses=ACTION_ERRORS)
async def end_user_sessions(
    user_id: UUID,
    actor: AdminActor,
    end: Annotated[EndUserSessions, Depends(Inject[Container.admin.end_user_sessions])],
    body: OptionalReason = None,
) -> SessionsEndedOut:
    """End every live session of the user: their tokens stop working at once."""
    ended = await end(actor, UserId(user_id), None if body is None else body.reason)
    return SessionsEndedOut(user_id=user_id, ended_sessions=ended)


@router.delete(
    "/{user_id}/sessions",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=ACTION_ERRORS,
)
async def delete_user_sessions(
    user_id: UUID,
    actor: AdminActor,
    end: Annotated[EndUserSessions, Depends(Inject[Container.admin.end_user_sessions])],
) -> None:
    """The same as POST .../sessions/revoke, without a body or a count."""
    await end(actor, UserId(user_id))
