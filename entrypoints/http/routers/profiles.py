"""Profiles by username, and following them."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from application.social.follow_user import FollowUser
from application.social.unfollow_user import UnfollowUser
from application.users.get_profile import GetProfile
from domain.users.values import Username
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED, represent
from entrypoints.http.dependencies import CurrentActor, OptionalActor
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.profiles import ProfileOut

router = APIRouter(prefix="/users/{username}", tags=["profiles"], route_class=MediaTypeCheckedRoute)

UsernamePath = Annotated[
    str, Path(max_length=Username.MAX_LEN, description="the user's handle, in any case")
]


@router.get(
    "/profile",
    response_model=ProfileOut,
    responses={304: NOT_MODIFIED, **problem_responses(401, 404, 422)},
)
async def get_profile(
    request: Request,
    username: UsernamePath,
    viewer: OptionalActor,
    fetch: Annotated[GetProfile, Depends(Inject[Container.social.get_profile])],
) -> Response:
    """The public profile of an active user, with ``following`` for the caller (so only an
    anonymous answer is public)."""
    profile = ProfileOut.model_validate(await fetch(username, viewer))
    return represent(request, profile, public=viewer is None)


@router.post("/follow", response_model=ProfileOut, responses=problem_responses(401, 404, 422))
async def follow_user(
    username: UsernamePath,
    actor: CurrentActor,
    follow: Annotated[FollowUser, Depends(Inject[Container.social.follow_user])],
) -> ProfileOut:
    """Follow a user; following again changes nothing. Following yourself is a 422."""
    return ProfileOut.model_validate(await follow(actor, username))


@router.delete("/follow", response_model=ProfileOut, responses=problem_responses(401, 404, 422))
async def unfollow_user(
    username: UsernamePath,
    actor: CurrentActor,
    unfollow: Annotated[UnfollowUser, Depends(Inject[Container.social.unfollow_user])],
) -> ProfileOut:
    """Stop following a user; not following them already is fine."""
    return ProfileOut.model_validate(await unfollow(actor, username))
