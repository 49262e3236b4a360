from typing import Annotated
from uuid import UUID

from dependency_injector.wiring import inject
from fastapi import APIRouter, Depends, Query, Request, Response, status

from application.ports.repositories import PostFilter
from application.posts.create_post import CreatePost, CreatePostCommand
from application.posts.delete_post import DeletePost
from application.posts.get_post import GetPost
from application.posts.list_posts import ListPosts
from application.posts.update_post import UpdatePost, UpdatePostCommand
from domain.ids import PostId, UserId
from domain.posts.values import Tag
from entrypoints.container import Container
from entrypoints.http.caching import if_match, represent
from entrypoints.http.dependencies import CurrentActor, OptionalActor, PageParams, optional_actor
from entrypoints.http.injection import Inject
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.posts import CreatePostIn, PostOut, PostPage, UpdatePostIn

router = APIRouter(prefix="/posts", tags=["posts"])
NOT_MODIFIED = {"description": "Not modified: the ETag given in If-None-Match is current"}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=PostOut,
    responses=problem_responses(400, 401, 422),
)
@inject
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


@router.get(
    "",
    response_model=PostPage,
    responses={304: NOT_MODIFIED, **problem_responses(401, 422)},
    dependencies=[Depends(optional_actor)],  # a token given must be valid, even here
)
@inject
async def list_posts(
    request: Request,
    page: PageParams,
    list_page: Annotated[ListPosts, Depends(Inject[Container.list_posts])],
    tag: Annotated[str | None, Query(min_length=Tag.MIN_LEN, max_length=Tag.MAX_LEN)] = None,
    author_id: UUID | None = None,
) -> Response:
    """Published posts, newest first, the same for every caller (so cacheable by anyone)."""
    author = None if author_id is None else UserId(author_id)
    found = await list_page(PostFilter(tag=tag, author_id=author), page)
    return represent(request, PostPage.of(found), public=True)


@router.get(
    "/{post_id}",
    response_model=PostOut,
    responses={304: NOT_MODIFIED, **problem_responses(401, 404, 422)},
)
@inject
async def get_post(
    request: Request,
    post_id: UUID,
    viewer: OptionalActor,
    fetch: Annotated[GetPost, Depends(Inject[Container.get_post])],
) -> Response:
    """A draft is visible to its author only; to anyone else it does not exist."""
    view = await fetch(PostId(post_id), viewer)
    return represent(
        request, PostOut.model_validate(view), version=view.version, public=view.published
    )


@router.patch(
    "/{post_id}",
    response_model=PostOut,
    responses=problem_responses(400, 401, 403, 404, 412, 422),
)
@inject
async def update_post(
    request: Request,
    post_id: UUID,
    body: UpdatePostIn,
    actor: CurrentActor,
    versions: Annotated[frozenset[int] | None, Depends(if_match)],
    update: Annotated[UpdatePost, Depends(Inject[Container.update_post])],
) -> Response:
    """With If-Match, only if the post is still as read (412 and no change otherwise)."""
    fields = body.model_dump(exclude_unset=True)
    command = UpdatePostCommand(**fields, expected_versions=versions)
    view = await update(actor, PostId(post_id), command)
    return represent(request, PostOut.model_validate(view), version=view.version)


@router.delete(
    "/{post_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 412, 422),
)
@inject
async def delete_post(
    post_id: UUID,
    actor: CurrentActor,
    versions: Annotated[frozenset[int] | None, Depends(if_match)],
    delete: Annotated[DeletePost, Depends(Inject[Container.delete_post])],
) -> None:
    """The author or an admin; with If-Match, only if the post is still as read (412)."""
    await delete(actor, PostId(post_id), versions)
