from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from application.posts.create_post import CreatePost, CreatePostCommand
from application.posts.delete_post import DeletePost
from application.posts.get_post import GetPost
from application.posts.list_posts import ListPosts, PostListFilter
from application.posts.refs import BySlug
from application.posts.update_post import UpdatePost, UpdatePostCommand
from domain.ids import PostId, UserId
from domain.posts.search import SearchQuery
from domain.posts.values import Tag
from domain.users.values import Username
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED, if_match, represent, represent_json
from entrypoints.http.dependencies import CurrentActor, OptionalActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.common import NOT_BLANK, problem_responses
from entrypoints.http.schemas.posts import (
    POST_JSON,
    POST_PAGE_JSON,
    CreatePostIn,
    PostOut,
    PostPage,
    UpdatePostIn,
)

router = APIRouter(prefix="/posts", tags=["posts"], route_class=MediaTypeCheckedRoute)
# A search's quotes pair up into phrases (domain/posts/search.py); no NUL either.
BALANCED_QUOTES = r'^[^\x00"]*("[^\x00"]*"[^\x00"]*)*$'


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=PostOut,
    responses=problem_responses(400, 401, 422),
)
async def create_post(
    body: CreatePostIn,
    actor: CurrentActor,
    request: Request,
    response: Response,
    create: Annotated[CreatePost, Depends(Inject[Container.create_post])],
) -> PostOut:
    view = await create(actor, CreatePostCommand(**body.model_dump()))
    response.headers["Location"] = request.app.url_path_for("get_post", post_id=str(view.id))
    return PostOut.model_validate(view)


UsernameQuery = Annotated[str | None, Query(min_length=1, max_length=Username.MAX_LEN)]


@router.get(
    "",
    response_model=PostPage,
    responses={304: NOT_MODIFIED, **problem_responses(401, 422)},
)
async def list_posts(
    request: Request,
    page: PageParams,
    viewer: OptionalActor,
    list_page: Annotated[ListPosts, Depends(Inject[Container.list_posts])],
    tag: Annotated[
        str | None, Query(min_length=Tag.MIN_LEN, max_length=Tag.MAX_LEN, pattern=NOT_BLANK)
    ] = None,
    author_id: UUID | None = None,
    author: Annotated[UsernameQuery, Query(description="the author's username, any case")] = None,
    favorited_by: Annotated[
        UsernameQuery, Query(description="only posts this username favourited")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=SearchQuery.MAX_LEN,
            pattern=BALANCED_QUOTES,
            description=(
                'full-text search: words, "a phrase", -excluded; best matches first; at least '
                f"one word and at most {SearchQuery.MAX_TERMS} words or phrases (422 otherwise); "
                "paged by skip only (with a cursor: 422)"
            ),
        ),
    ] = None,
) -> Response:
    """Published posts, newest first. Every filter given applies; a token, if given, must be
    valid and fills ``favorited`` and ``author.following`` for the caller (so only anonymous
    lists are cacheable by anyone)."""
    where = PostListFilter(
        tag=tag,
        author_id=None if author_id is None else UserId(author_id),
        author=author,
        favorited_by=favorited_by,
        text=q,
    )
    found = await list_page(where, page, viewer)
    return represent_json(request, POST_PAGE_JSON.to_json(found), public=viewer is None)


@router.get(
    "/by-slug/{slug}",
    response_model=PostOut,
    responses={304: NOT_MODIFIED, **problem_responses(401, 404, 422)},
)
async def get_post_by_slug(
    request: Request,
    slug: Annotated[str, Path(description="the post's slug; an unknown one is a 404")],
    viewer: OptionalActor,
    fetch: Annotated[GetPost, Depends(Inject[Container.get_post])],
) -> Response:
    """The post with this slug; a draft is visible to its author only."""
    view = await fetch(BySlug(slug), viewer)
    public = view.published and viewer is None
    return represent_json(request, POST_JSON.to_json(view), version=view.version, public=public)


@router.get(
    "/{post_id}",
    response_model=PostOut,
    responses={304: NOT_MODIFIED, **problem_responses(401, 404, 422)},
)
async def get_post(
    request: Request,
    post_id: UUID,
    viewer: OptionalActor,
    fetch: Annotated[GetPost, Depends(Inject[Container.get_post])],
) -> Response:
    """A draft is visible to its author only; to anyone else it does not exist."""
    view = await fetch(PostId(post_id), viewer)
    public = view.published and viewer is None  # favorited and following are the viewer's
    return represent_json(request, POST_JSON.to_json(view), version=view.version, public=public)


@router.patch(
    "/{post_id}",
    response_model=PostOut,
    responses=problem_responses(400, 401, 403, 404, 412, 422),
)
async def update_post(
    request: Request,
    post_id: UUID,
    body: UpdatePostIn,
    actor: CurrentActor,
    versions: Annotated[frozenset[int] | None, Depends(if_match)],
    update: Annotated[UpdatePost, Depends(Inject[Container.update_post])],
) -> Response:
    """With If-Match, only if the post is still as read (412 and no change otherwise)."""
    command = UpdatePostCommand(**body.changes(), expected_versions=versions)
    view = await update(actor, PostId(post_id), command)
    return represent(request, PostOut.model_validate(view), version=view.version)


@router.delete(
    "/{post_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def delete_post(
    post_id: UUID,
    actor: CurrentActor,
    versions: Annotated[frozenset[int] | None, Depends(if_match)],
    delete: Annotated[DeletePost, Depends(Inject[Container.delete_post])],
) -> None:
    """The author or an admin; with If-Match, only if the post is still as read (412)."""
    await delete(actor, PostId(post_id), versions)
