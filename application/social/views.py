from dataclasses import dataclass
from datetime import datetime

from application.users.views import AuthorView
from domain.ids import CommentId, PostId


@dataclass(frozen=True, slots=True)
class CommentView:
    """A comment for one viewer; ``author.following`` tells whether the viewer follows its
    author."""

    id: CommentId
    post_id: PostId
    author: AuthorView
    body: str
    created_at: datetime
    updated_at: datetime
