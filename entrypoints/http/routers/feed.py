"""The personal feed, the tags in use and the caller's own posts."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from application.ports.read_model import PostStatus
from application.posts.list_my_posts import ListMyPosts
from application.social.get_feed import GetFeed
from application.social.list_tags import ListTags
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED, represent
from entrypoints.http.dependencies import CurrentActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.comments import TagsOut
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.posts import PostPage

router = APIRouter(tags=["feed"], route_class=MediaTypeCheckedRoute)


@router.get("/feed", response_model=PostPage, responses=problem_responses(401, 422))
async def get_feed(
    page: PageParams,
    actor: CurrentActor,
    feed: Annotated[GetFeed, Depends(Inject[Container.social.get_feed])],
) -> PostPage:
    """Published posts by the users the caller follows, newest first."""
    return PostPage.of(await feed(actor, page))


@router.get(
    "/tags", response_model=TagsOut, responses={304: NOT_MODIFIED, **problem_responses(422)}
)
async def list_tags(
    request: Request,
    tags: Annotated[ListTags, Depends(Inject[Container.social.list_tags])],
) -> Response:
    """Tags of published posts, most used first (at most 100): the same for everyone, public."""
    return represent(request, TagsOut(tags=await tags()), public=True)


@router.get("/me/posts", response_model=PostPage, responses=problem_responses(401, 422))
async def list_my_posts(
    page: PageParams,
    actor: CurrentActor,
    list_page: Annotated[ListMyPosts, Depends(Inject[Container.social.list_my_posts])],
    status: PostStatus = PostStatus.ALL,
) -> PostPage:
    """The caller's own posts: ``draft``, ``published`` or ``all`` (newest written first;
    published ones alone come newest published first)."""
    return PostPage.of(await list_page(actor, status, page))
