"""Repositories of the social aggregates: follows, favourites and comments. Like the core's,
they remember what they hand out so the unit of work can save it and collect its events;
adapters implement the underscored methods."""

from abc import ABC, abstractmethod
from uuid import UUID

from domain.ids import CommentId, PostId, UserId
from domain.social.comment import Comment
from domain.social.favorite import Favorite
from domain.social.follow import Follow


class FollowRepository(ABC):
    """Who follows whom. A follow is found by its pair; adding one that another transaction
    committed meanwhile is raised from ``commit()`` as AlreadyFollowing."""

    def __init__(self) -> None:
        self.seen: dict[UUID, Follow] = {}

    def add(self, follow: Follow) -> None:
        self._add(follow)
        self.seen[follow.id] = follow

    async def get(self, follower_id: UserId, followee_id: UserId) -> Follow | None:
        found = await self._get(follower_id, followee_id)
        return None if found is None else self.seen.setdefault(found.id, found)

    async def remove(self, follow: Follow) -> None:
        """Stage the follow's removal; its events are still collected on commit."""
        await self._remove(follow)
        self.seen[follow.id] = follow

    @abstractmethod
    def _add(self, follow: Follow) -> None: ...

    @abstractmethod
    async def _get(self, follower_id: UserId, followee_id: UserId) -> Follow | None: ...

    @abstractmethod
    async def _remove(self, follow: Follow) -> None: ...


class FavoriteRepository(ABC):
    """Which user favourited which post. Found by the pair; adding one that another
    transaction committed meanwhile is raised from ``commit()`` as AlreadyFavorited. A post's
    favourites go when the post goes."""

    def __init__(self) -> None:
        self.seen: dict[UUID, Favorite] = {}

    def add(self, favorite: Favorite) -> None:
        self._add(favorite)
        self.seen[favorite.id] = favorite

    async def get(self, user_id: UserId, post_id: PostId) -> Favorite | None:
        found = await self._get(user_id, post_id)
        return None if found is None else self.seen.setdefault(found.id, found)

    async def remove(self, favorite: Favorite) -> None:
        await self._remove(favorite)
        self.seen[favorite.id] = favorite

    @abstractmethod
    def _add(self, favorite: Favorite) -> None: ...

    @abstractmethod
    async def _get(self, user_id: UserId, post_id: PostId) -> Favorite | None: ...

    @abstractmethod
    async def _remove(self, favorite: Favorite) -> None: ...


class CommentRepository(ABC):
    """Comments by id. A post's comments go when the post goes."""

    def __init__(self) -> None:
        self.seen: dict[UUID, Comment] = {}

    def add(self, comment: Comment) -> None:
        self._add(comment)
        self.seen[comment.id] = comment

    async def get(self, comment_id: CommentId) -> Comment | None:
        found = await self._get(comment_id)
        return None if found is None else self.seen.setdefault(found.id, found)

    async def remove(self, comment: Comment) -> None:
        await self._remove(comment)
        self.seen[comment.id] = comment

    @abstractmethod
    def _add(self, comment: Comment) -> None: ...

    @abstractmethod
    async def _get(self, comment_id: CommentId) -> Comment | None: ...

    @abstractmethod
    async def _remove(self, comment: Comment) -> None: ...
