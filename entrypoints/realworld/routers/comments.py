"""Comments on an article: list (all of them, oldest first), add, delete."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from application.errors import CommentNotFound
from application.pagination import PageRequest
from application.posts.refs import BySlug
from application.social.add_comment import AddComment, AddCommentCommand
from application.social.delete_comment import DeleteComment
from application.social.list_comments import ListComments
from application.social.views import CommentView
from domain.ids import CommentId
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED
from entrypoints.http.injection import Inject
from entrypoints.realworld.auth import CurrentActor, OptionalActor
from entrypoints.realworld.responses import RealWorldJSONResponse, cacheable
from entrypoints.realworld.schemas.comments import (
    CommentEnvelope,
    CommentsEnvelope,
    NewCommentIn,
    comment_of,
    public_number,
)
from entrypoints.realworld.schemas.errors import error_responses

router = APIRouter(prefix="/articles/{slug}/comments", tags=["Comments"])


@router.get(
    "",
    response_model=CommentsEnvelope,
    responses={304: NOT_MODIFIED, **error_responses(401, 404)},
)
async def list_comments(
    request: Request,
    slug: str,
    viewer: OptionalActor,
    list_page: Annotated[ListComments, Depends(Inject[Container.social.list_comments])],
) -> Response:
    """RealWorld has no pages here: every comment."""
    comments = await _every_comment(list_page, slug, viewer)
    listed = {"comments": [comment_of(view) for view in comments]}
    return cacheable(request, listed, public=viewer is None)


async def _every_comment(
    list_page: ListComments, slug: str, viewer: Actor | None
) -> list[CommentView]:
    """The article's comments, oldest first, read a full page at a time."""
    comments: list[CommentView] = []
    page = PageRequest(skip=0, limit=PageRequest.MAX_LIMIT)
    while True:
        found = await list_page(BySlug(slug), page, viewer)
        comments.extend(found.items)
        if len(found.items) < page.limit or page.skip + page.limit >= found.total:
            return comments
        page = PageRequest(skip=page.skip + page.limit, limit=page.limit)


@router.post("", response_model=CommentEnvelope, responses=error_responses(401, 403, 404, 422))
async def add_comment(
    slug: str,
    body: NewCommentIn,
    actor: CurrentActor,
    add: Annotated[AddComment, Depends(Inject[Container.social.add_comment])],
) -> RealWorldJSONResponse:
    """200, as openapi.yml has it."""
    view = await add(actor, BySlug(slug), AddCommentCommand(body=body.comment.body))
    return RealWorldJSONResponse({"comment": comment_of(view)})


@router.delete(
    "/{comment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=error_responses(401, 403, 404, 422),
)
async def delete_comment(
    slug: str,
    comment_id: int,
    actor: CurrentActor,
    list_page: Annotated[ListComments, Depends(Inject[Container.social.list_comments])],
    delete: Annotated[DeleteComment, Depends(Inject[Container.social.delete_comment])],
) -> None:
    """The comment's author, the article's author, or an admin. ``comment_id`` is the integer
    the comment was shown with."""
    comments = await _every_comment(list_page, slug, actor)
    found = [view.id for view in comments if public_number(view.id) == comment_id]
    if len(found) != 1:
        raise CommentNotFound()
    await delete(actor, BySlug(slug), CommentId(found[0]))
