"""Articles: list, feed, get, create, update, delete. Articles created here are published."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from application.posts.create_post import CreatePost, CreatePostCommand
from application.posts.delete_post import DeletePost
from application.posts.get_post import GetPost
from application.posts.list_posts import ListPosts, PostListFilter
from application.posts.refs import BySlug
from application.posts.update_post import UpdatePost, UpdatePostCommand
from application.social.get_feed import GetFeed
from domain.posts.values import Tag
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED
from entrypoints.http.injection import Inject
from entrypoints.http.schemas.common import NOT_BLANK
from entrypoints.realworld.auth import CurrentActor, OptionalActor
from entrypoints.realworld.pagination import PageParams
from entrypoints.realworld.responses import RealWorldJSONResponse, cacheable
from entrypoints.realworld.schemas.articles import (
    ArticleEnvelope,
    ArticlesEnvelope,
    NewArticleIn,
    UpdateArticleIn,
    article_of,
    articles_of,
)
from entrypoints.realworld.schemas.errors import error_responses

router = APIRouter(prefix="/articles", tags=["Articles"])
TAG_QUERY = Query(
    max_length=Tag.MAX_LEN,
    json_schema_extra={"minLength": Tag.MIN_LEN, "pattern": NOT_BLANK},
    description="a tag, whatever its case (a longer case-folded tag is a 422)",
)


@router.get(
    "", response_model=ArticlesEnvelope, responses={304: NOT_MODIFIED, **error_responses(401, 422)}
)
async def list_articles(
    request: Request,
    page: PageParams,
    viewer: OptionalActor,
    list_posts: Annotated[ListPosts, Depends(Inject[Container.list_posts])],
    tag: Annotated[str | None, TAG_QUERY] = None,
    author: str | None = None,
    favorited: str | None = None,
) -> Response:
    """Published articles, most recent first; ``author`` and ``favorited`` are usernames."""
    where = PostListFilter(tag=tag, author=author, favorited_by=favorited)
    found = await list_posts(where, page, viewer)
    return cacheable(request, articles_of(found), public=viewer is None)


@router.get("/feed", response_model=ArticlesEnvelope, responses=error_responses(401, 422))
async def feed(
    page: PageParams,
    actor: CurrentActor,
    get_feed: Annotated[GetFeed, Depends(Inject[Container.social.get_feed])],
) -> RealWorldJSONResponse:
    """Published articles by the users the caller follows, most recent first."""
    return RealWorldJSONResponse(articles_of(await get_feed(actor, page)))


@router.get(
    "/{slug}",
    response_model=ArticleEnvelope,
    responses={304: NOT_MODIFIED, **error_responses(401, 404)},
)
async def get_article(
    request: Request,
    slug: str,
    viewer: OptionalActor,
    get_post: Annotated[GetPost, Depends(Inject[Container.get_post])],
) -> Response:
    article = article_of(await get_post(BySlug(slug), viewer))
    return cacheable(request, {"article": article}, public=viewer is None)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleEnvelope,
    responses=error_responses(401, 403, 422),
)
async def create_article(
    body: NewArticleIn,
    actor: CurrentActor,
    create: Annotated[CreatePost, Depends(Inject[Container.create_post])],
) -> RealWorldJSONResponse:
    new = body.article
    command = CreatePostCommand(
        title=new.title,
        content=new.body,
        description=new.description,
        tags=new.tagList,
        published=True,
    )
    view = await create(actor, command)
    return RealWorldJSONResponse({"article": article_of(view)}, status.HTTP_201_CREATED)


@router.put(
    "/{slug}", response_model=ArticleEnvelope, responses=error_responses(401, 403, 404, 422)
)
async def update_article(
    slug: str,
    body: UpdateArticleIn,
    actor: CurrentActor,
    update: Annotated[UpdatePost, Depends(Inject[Container.update_post])],
) -> RealWorldJSONResponse:
    """A new title gives the article a new slug, as the specification says."""
    changes = body.article
    command = UpdatePostCommand(
        title=changes.title,
        content=changes.body,
        description=changes.description,
        tags=changes.tagList,
        slug_follows_title=True,
    )
    return RealWorldJSONResponse(
        {"article": article_of(await update(actor, BySlug(slug), command))}
    )


@router.delete(
    "/{slug}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=error_responses(401, 403, 404),
)
async def delete_article(
    slug: str,
    actor: CurrentActor,
    delete: Annotated[DeletePost, Depends(Inject[Container.delete_post])],
) -> None:
    """The author (or an admin)."""
    await delete(actor, BySlug(slug))
