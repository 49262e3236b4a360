"""Favourite and unfavourite an article."""

from typing import Annotated

from fastapi import APIRouter, Depends

from application.posts.refs import BySlug
from application.social.favorite_post import FavoritePost
from application.social.unfavorite_post import UnfavoritePost
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.realworld.auth import CurrentActor
from entrypoints.realworld.responses import RealWorldJSONResponse
from entrypoints.realworld.schemas.articles import ArticleEnvelope, article_of
from entrypoints.realworld.schemas.errors import error_responses

router = APIRouter(prefix="/articles", tags=["Favorites"])


@router.post(
    "/{slug}/favorite", response_model=ArticleEnvelope, responses=error_responses(401, 404)
)
async def favorite(
    slug: str,
    actor: CurrentActor,
    favorite_post: Annotated[FavoritePost, Depends(Inject[Container.social.favorite_post])],
) -> RealWorldJSONResponse:
    return RealWorldJSONResponse({"article": article_of(await favorite_post(actor, BySlug(slug)))})


@router.delete(
    "/{slug}/favorite", response_model=ArticleEnvelope, responses=error_responses(401, 404)
)
async def unfavorite(
    slug: str,
    actor: CurrentActor,
    unfavorite_post: Annotated[UnfavoritePost, Depends(Inject[Container.social.unfavorite_post])],
) -> RealWorldJSONResponse:
    view = await unfavorite_post(actor, BySlug(slug))
    return RealWorldJSONResponse({"article": article_of(view)})
