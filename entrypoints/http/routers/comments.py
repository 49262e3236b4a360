"""Comments on posts."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response, status

from application.social.add_comment import AddComment, AddCommentCommand
from application.social.delete_comment import DeleteComment
from application.social.list_comments import ListComments
from domain.ids import CommentId, PostId
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED, represent
from entrypoints.http.dependencies import CurrentActor, OptionalActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.comments import AddCommentIn, CommentOut, CommentPage
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(
    prefix="/posts/{post_id}/comments", tags=["comments"], route_class=MediaTypeCheckedRoute
)


@router.get(
    "",
    response_model=CommentPage,
    responses={304: NOT_MODIFIED, **problem_responses(401, 404, 422)},
)
async def list_comments(
    request: Request,
    post_id: UUID,
    page: PageParams,
    viewer: OptionalActor,
    list_page: Annotated[ListComments, Depends(Inject[Container.social.list_comments])],
) -> Response:
    """The post's comments, oldest first (an anonymous page is public: anyone may cache it)."""
    found = await list_page(PostId(post_id), page, viewer)
    return represent(request, CommentPage.of(found), public=viewer is None)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentOut,
    responses=problem_responses(400, 401, 404, 409, 422),
)
async def add_comment(
    post_id: UUID,
    body: AddCommentIn,
    actor: CurrentActor,
    add: Annotated[AddComment, Depends(Inject[Container.social.add_comment])],
) -> CommentOut:
    """Comment on a published post; a draft takes no comments (409)."""
    view = await add(actor, PostId(post_id), AddCommentCommand(body=body.body))
    return CommentOut.model_validate(view)


@router.delete(
    "/{comment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_comment(
    post_id: UUID,
    comment_id: UUID,
    actor: CurrentActor,
    delete: Annotated[DeleteComment, Depends(Inject[Container.social.delete_comment])],
) -> None:
    """The comment's author, the post's author or an admin."""
    await delete(actor, PostId(post_id), CommentId(comment_id))
