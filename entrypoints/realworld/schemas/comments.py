"""``{"comment": ...}`` and ``{"comments": [...]}``."""

from typing import Any

from pydantic import BaseModel

from application.social.views import CommentView
from entrypoints.realworld.responses import timestamp
from entrypoints.realworld.schemas.common import In, Required
from entrypoints.realworld.schemas.profiles import ProfileOut, profile_of


class NewComment(In):
    body: Required


class NewCommentIn(In):
    comment: NewComment


class CommentOut(BaseModel):
    id: str
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
        "id": str(view.id),
        "createdAt": timestamp(view.created_at),
        "updatedAt": timestamp(view.updated_at),
        "body": view.body,
        "author": profile_of(view.author),
    }
