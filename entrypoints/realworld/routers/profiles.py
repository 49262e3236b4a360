"""Profiles: get, follow, unfollow."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from application.social.follow_user import FollowUser
from application.social.unfollow_user import UnfollowUser
from application.users.get_profile import GetProfile
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED
from entrypoints.http.injection import Inject
from entrypoints.realworld.auth import CurrentActor, OptionalActor
from entrypoints.realworld.responses import RealWorldJSONResponse, cacheable
from entrypoints.realworld.schemas.errors import error_responses
from entrypoints.realworld.schemas.profiles import ProfileEnvelope, profile_of

SELF_FOLLOW = (
    "A field is missing, blank or of the wrong type; or the profile is the caller's own "
    "(`username: you cannot follow yourself`)"
)

router = APIRouter(prefix="/profiles", tags=["Profile"])


@router.get(
    "/{username}",
    response_model=ProfileEnvelope,
    responses={304: NOT_MODIFIED, **error_responses(401, 404)},
)
async def get_profile(
    request: Request,
    username: str,
    viewer: OptionalActor,
    get: Annotated[GetProfile, Depends(Inject[Container.social.get_profile])],
) -> Response:
    profile = profile_of(await get(username, viewer))
    return cacheable(request, {"profile": profile}, public=viewer is None)


@router.post(
    "/{username}/follow",
    response_model=ProfileEnvelope,
    responses=error_responses(401, 404, 422, descriptions={422: SELF_FOLLOW}),
)
async def follow(
    username: str,
    actor: CurrentActor,
    follow_user: Annotated[FollowUser, Depends(Inject[Container.social.follow_user])],
) -> RealWorldJSONResponse:
    return RealWorldJSONResponse({"profile": profile_of(await follow_user(actor, username))})


@router.delete(
    "/{username}/follow", response_model=ProfileEnvelope, responses=error_responses(401, 404)
)
async def unfollow(
    username: str,
    actor: CurrentActor,
    unfollow_user: Annotated[UnfollowUser, Depends(Inject[Container.social.unfollow_user])],
) -> RealWorldJSONResponse:
    return RealWorldJSONResponse({"profile": profile_of(await unfollow_user(actor, username))})
