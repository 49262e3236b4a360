from dataclasses import dataclass
from datetime import datetime

from application.users.views import AuthorView
from domain.ids import CommentId, PostId, UserId


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
    hidden_reason: str | None = None  # hidden by an admin: why (only its author sees it)
    hidden_at: datetime | None = None

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    def is_visible_to(self, viewer_id: UserId | None) -> bool:
        """A hidden comment exists for its author only."""
        return not self.hidden or viewer_id == self.author.id
