"""Favouriting posts."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends

from application.social.favorite_post import FavoritePost
from application.social.unfavorite_post import UnfavoritePost
from domain.ids import PostId
from entrypoints.container import Container
from entrypoints.http.dependencies import CurrentActor
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.posts import PostOut

router = APIRouter(
    prefix="/posts/{post_id}/favorite", tags=["favorites"], route_class=MediaTypeCheckedRoute
)


@router.post("", response_model=PostOut, responses=problem_responses(401, 404, 409, 422))
async def favorite_post(
    post_id: UUID,
    actor: CurrentActor,
    favorite: Annotated[FavoritePost, Depends(Inject[Container.social.favorite_post])],
) -> PostOut:
    """Favourite a published post (your own draft: 409); again changes nothing. Answers the
    post as it now is."""
    return PostOut.model_validate(await favorite(actor, PostId(post_id)))


@router.delete("", response_model=PostOut, responses=problem_responses(401, 404, 422))
async def unfavorite_post(
    post_id: UUID,
    actor: CurrentActor,
    unfavorite: Annotated[UnfavoritePost, Depends(Inject[Container.social.unfavorite_post])],
) -> PostOut:
    """Take a favourite back; not having one is fine. Answers the post as it now is."""
    return PostOut.model_validate(await unfavorite(actor, PostId(post_id)))
