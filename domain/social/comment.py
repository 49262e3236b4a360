"""A comment on a published post."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.admin.reason import Hidden, Reason
from domain.errors import PermissionDenied
from domain.events import Aggregate
from domain.ids import CommentId, PostId, UserId
from domain.posts.post import Post
from domain.roles import Actor
from domain.social.events import CommentAdded, CommentDeleted
from domain.text import check_length


@dataclass(frozen=True, slots=True)
class CommentBody:
    """What a comment says: stripped, 1 to MAX_LEN characters."""

    value: str
    MAX_LEN: ClassVar[int] = 10_000

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("body", normalised, 1, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)


@dataclass(eq=False, kw_only=True)
class Comment(Aggregate):
    id: CommentId
    post_id: PostId
    post_author_id: UserId
    author_id: UserId
    body: CommentBody
    created_at: datetime
    updated_at: datetime
    hidden: Hidden | None = None  # by an admin: gone for everyone but the author

    @classmethod
    def write(
        cls, *, id: CommentId, post: Post, author_id: UserId, body: CommentBody, now: datetime
    ) -> "Comment":
        """A comment on ``post``; CommentsClosed if it is a draft."""
        post.ensure_open_to_comments()
        comment = cls(
            id=id,
            post_id=post.id,
            post_author_id=post.author_id,
            author_id=author_id,
            body=body,
            created_at=now,
            updated_at=now,
        )
        comment.record(
            CommentAdded(
                occurred_at=now,
                comment_id=id,
                post_id=post.id,
                post_author_id=post.author_id,
                author_id=author_id,
                body=body.value,
            )
        )
        return comment

    def is_visible_to(self, viewer: UserId | None) -> bool:
        """Not hidden: to everyone (who may see the post); hidden: to its author only."""
        return self.hidden is None or viewer == self.author_id

    def hide(self, reason: Reason, *, by: UserId | None, now: datetime) -> None:
        self.hidden = Hidden(reason=reason, at=now, by=by)

    def restore(self) -> None:
        self.hidden = None

    def ensure_deletable_by(self, actor: Actor) -> None:
        """Its author, the post's author and admins may delete a comment."""
        if actor.id not in (self.author_id, self.post_author_id) and not actor.is_admin:
            raise PermissionDenied(
                "only the comment's author, the post's author or an admin may delete it"
            )

    def delete(self, *, by: Actor, now: datetime) -> None:
        self.ensure_deletable_by(by)
        self.record(
            CommentDeleted(
                occurred_at=now,
                comment_id=self.id,
                post_id=self.post_id,
                author_id=self.author_id,
                deleted_by=by.id,
            )
        )
