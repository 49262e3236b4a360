"""What use cases tell about a post: the post as one viewer sees it, its author included."""

from collections.abc import Callable
from datetime import datetime

from application.pagination import Position
from application.users.views import AuthorView
from application.views import read_only_view
from domain.ids import PostId, UserId


@read_only_view
class PostView:
    """A post for one viewer (possibly anonymous). ``favorited``: whether the viewer
    favourited it; ``favorites_count``: how many users did; ``author.following``: whether the
    viewer follows its author. Every list of these is read with a fixed number of queries."""

    id: PostId
    author_id: UserId
    author: AuthorView
    title: str
    slug: str
    description: str
    content: str
    tags: list[str]
    published: bool
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    favorited: bool
    favorites_count: int
    version: int
    hidden_reason: str | None = None  # hidden by an admin: why (only its author sees it)
    hidden_at: datetime | None = None

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    def is_visible_to(self, viewer_id: UserId | None) -> bool:
        """Published posts are public unless an admin hid them; a draft or a hidden post
        exists for its author only."""
        return (self.published and not self.hidden) or viewer_id == self.author_id


def position_by(by_publication: bool) -> Callable[[PostView], Position]:
    """Where a list ordered by publication (else by creation), newest first, stands after a
    view: the position a keyset page continues from."""

    def position(view: PostView) -> Position:
        moment = view.published_at if by_publication else view.created_at
        return Position(moment or view.created_at, view.id)

    return position
