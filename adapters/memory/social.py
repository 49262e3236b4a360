"""The social repositories over a MemoryStore: staged adds and removals, applied on commit."""

import copy
from typing import Generic, TypeVar
from uuid import UUID

from adapters.memory.store import MemoryStore
from application.ports.social import CommentRepository, FavoriteRepository, FollowRepository
from domain.ids import CommentId, PostId, UserId
from domain.social.comment import Comment
from domain.social.favorite import Favorite
from domain.social.follow import Follow

A = TypeVar("A", Follow, Favorite, Comment)


class _Staged(Generic[A]):
    """What a transaction added and removed; the aggregates themselves never change."""

    def __init__(self) -> None:
        self.added: dict[UUID, A] = {}
        self.removed: set[UUID] = set()


class MemoryFollowRepository(FollowRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.staged: _Staged[Follow] = _Staged()

    def _add(self, follow: Follow) -> None:
        self.staged.added[follow.id] = follow

    async def _get(self, follower_id: UserId, followee_id: UserId) -> Follow | None:
        return copy.deepcopy(self._store.follows.get(Follow.id_of(follower_id, followee_id)))

    async def _remove(self, follow: Follow) -> None:
        self.staged.removed.add(follow.id)


class MemoryFavoriteRepository(FavoriteRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.staged: _Staged[Favorite] = _Staged()

    def _add(self, favorite: Favorite) -> None:
        self.staged.added[favorite.id] = favorite

    async def _get(self, user_id: UserId, post_id: PostId) -> Favorite | None:
        return copy.deepcopy(self._store.favorites.get(Favorite.id_of(user_id, post_id)))

    async def _remove(self, favorite: Favorite) -> None:
        self.staged.removed.add(favorite.id)


class MemoryCommentRepository(CommentRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.staged: _Staged[Comment] = _Staged()

    def _add(self, comment: Comment) -> None:
        self.staged.added[comment.id] = comment

    async def _get(self, comment_id: CommentId) -> Comment | None:
        return copy.deepcopy(self._store.comments.get(comment_id))

    async def _remove(self, comment: Comment) -> None:
        self.staged.removed.add(comment.id)

    def write_moderated_to(self, store: MemoryStore) -> None:
        """Comments change only by moderation: a loaded one whose mark differs is written."""
        for comment in self.seen.values():
            stored = store.comments.get(comment.id)
            if stored is not None and stored.hidden != comment.hidden:
                store.comments[comment.id] = copy.deepcopy(comment)
