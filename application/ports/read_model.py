"""The read side: views for one viewer, computed by the storage in a fixed number of queries
(``favorited``, ``following`` and counts in the query, never per row). Reached through the
unit of work as ``uow.read``, so a request's reads share its one connection."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum

from application.pagination import Page, PageRequest
from application.posts.views import PostView
from application.social.views import CommentView
from application.users.views import ProfileView
from domain.ids import CommentId, PostId, UserId
from domain.posts.search import SearchQuery


class PostStatus(StrEnum):
    """Which of an author's posts a list shows."""

    PUBLISHED = "published"
    DRAFT = "draft"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class PostQuery:
    """Which posts a list shows; every given filter applies.

    ``author`` and ``favorited_by`` are username keys (``Username.key``); a name no one holds
    matches nothing. ``status`` other than PUBLISHED is for an author's own list: use cases set
    it only together with ``author_id`` equal to the caller. ``text`` is a full-text search of
    titles, tags, descriptions and contents: then the best matches come first (the title
    weighing most, then tags, description, content), newest first among equals.
    """

    tag: str | None = None
    author_id: UserId | None = None
    author: str | None = None
    favorited_by: str | None = None
    status: PostStatus = PostStatus.PUBLISHED
    text: SearchQuery | None = None


class ReadModel(ABC):
    """Views for a viewer (None: anonymous). Lists are newest first (by publication, drafts by
    creation) unless said otherwise, and come with their total."""

    @abstractmethod
    async def profile(self, username_key: str, viewer: UserId | None) -> ProfileView | None:
        """The active user whose ``Username.key`` is ``username_key``."""

    @abstractmethod
    async def post(self, post_id: PostId, viewer: UserId | None) -> PostView | None:
        """The post with this id, draft or not (the caller decides who may see a draft)."""

    @abstractmethod
    async def post_by_slug(self, slug: str, viewer: UserId | None) -> PostView | None:
        """The post with this slug, draft or not."""

    @abstractmethod
    async def posts(
        self, where: PostQuery, page: PageRequest, viewer: UserId | None
    ) -> Page[PostView]:
        """The posts ``where`` selects."""

    @abstractmethod
    async def feed(self, reader: UserId, page: PageRequest) -> Page[PostView]:
        """Published posts by the authors ``reader`` follows, newest first."""

    @abstractmethod
    async def tags(self, limit: int) -> list[str]:
        """Tags of published posts, most used first (ties by name), at most ``limit``."""

    @abstractmethod
    async def comments(
        self, post_id: PostId, page: PageRequest, viewer: UserId | None
    ) -> Page[CommentView]:
        """The post's comments, oldest first."""

    @abstractmethod
    async def comment(self, comment_id: CommentId, viewer: UserId | None) -> CommentView | None:
        """One comment."""
