"""A favourite: a user marks a published post. Identified by the pair, so favouriting twice is
the same favourite."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid5

from domain.events import Aggregate
from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.social.events import PostFavorited, PostUnfavorited

_FAVORITES = UUID("8d7e61b0-1c55-4f0e-b6a4-0f3b6c2d9e12")


@dataclass(eq=False, kw_only=True)
class Favorite(Aggregate):
    user_id: UserId
    post_id: PostId
    post_author_id: UserId
    created_at: datetime

    @staticmethod
    def id_of(user_id: UserId, post_id: PostId) -> UUID:
        """The one id a favourite of ``post_id`` by ``user_id`` can have."""
        return uuid5(_FAVORITES, f"{user_id}:{post_id}")

    @classmethod
    def mark(cls, *, user_id: UserId, post: Post, now: datetime) -> "Favorite":
        favorite = cls(
            id=cls.id_of(user_id, post.id),
            user_id=user_id,
            post_id=post.id,
            post_author_id=post.author_id,
            created_at=now,
        )
        favorite.record(
            PostFavorited(
                occurred_at=now, user_id=user_id, post_id=post.id, author_id=post.author_id
            )
        )
        return favorite

    def unmark(self, *, now: datetime) -> None:
        """The user takes the favourite back; the repository removes it."""
        self.record(
            PostUnfavorited(
                occurred_at=now,
                user_id=self.user_id,
                post_id=self.post_id,
                author_id=self.post_author_id,
            )
        )
