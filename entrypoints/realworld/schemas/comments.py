"""``{"comment": ...}`` and ``{"comments": [...]}``.

openapi.yml types a comment's ``id`` as an integer; Folio identifies comments by UUIDs. The
RealWorld id is the UUID's low 53 bits (random in every UUID Folio makes; a JavaScript-safe
integer), stable for the comment's life; ``DELETE`` finds the comment by it among its article's
comments, where two of them sharing one is a chance of about n²/2⁵⁴."""

from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, Field

from application.social.views import CommentView
from domain.social.comment import CommentBody
from entrypoints.realworld.responses import timestamp
from entrypoints.realworld.schemas.common import In, Required, documented
from entrypoints.realworld.schemas.profiles import ProfileOut, profile_of


class NewComment(In):
    body: Annotated[
        Required,
        Field(max_length=CommentBody.MAX_LEN),
        documented(description=f"stripped; then 1 to {CommentBody.MAX_LEN} characters"),
    ]


class NewCommentIn(In):
    comment: NewComment


JS_SAFE_BITS = 53


def public_number(comment_id: UUID) -> int:
    """The integer id RealWorld clients see for the comment ``comment_id``."""
    return comment_id.int & ((1 << JS_SAFE_BITS) - 1)


class CommentOut(BaseModel):
    id: int
    createdAt: str
    updatedAt: str
    body: str
    author: ProfileOut


class CommentEnvelope(BaseModel):
    comment: CommentOut


class CommentsEnvelope(BaseModel):
    comments: list[CommentOut]


def comment_of(view: CommentView) -> dict[str, Any]:
    return {
        "id": public_number(view.id),
        "createdAt": timestamp(view.created_at),
        "updatedAt": timestamp(view.updated_at),
        "body": view.body,
        "author": profile_of(view.author),
    } | ({"hidden": True, "hiddenReason": view.hidden_reason} if view.hidden else {})
