"""Repositories: one per aggregate. They remember what they hand out so the unit of work
can save changes and collect events; adapters implement the underscored methods."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from datetime import datetime

from application.pagination import Page, PageRequest
from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.posts.values import Slug
from domain.users.user import User
from domain.users.values import Email, Username, normalise_login


class UserRepository(ABC):
    def __init__(self) -> None:
        self.seen: dict[UserId, User] = {}

    def add(self, user: User) -> None:
        """Stage a new user; it is written when the unit of work commits."""
        self._add(user)
        self.seen[user.id] = user

    async def get(self, user_id: UserId) -> User | None:
        return self._track(await self._get(user_id))

    async def get_by_login(self, login: str) -> User | None:
        """The user whose e-mail or username is ``login``, normalised as registration
        normalises them (NFKC, stripped, lower case)."""
        if "\x00" in login:  # no stored e-mail or username can hold one
            return None
        return self._track(await self._get_by_login(normalise_login(login)))

    @abstractmethod
    def replace_password_hash(
        self, user_id: UserId, expected: str, new: str, *, now: datetime
    ) -> None:
        """Stage a compare-and-set: on commit the user's hash becomes ``new`` (changed at
        ``now``) only if it is still ``expected``; otherwise nothing changes (a concurrent
        change wins)."""

    async def get_by_username(self, username: str) -> User | None:
        """The user whose handle is ``username``, whatever its case (ADR 012)."""
        key = Username.key_of(username)
        return None if key is None else self._track(await self._get_by_username_key(key))

    async def list(
        self, page: PageRequest, *, include_inactive: bool, prefix: str | None = None
    ) -> Page[User]:
        """Users oldest first; deactivated ones only when asked for; with ``prefix``, only those
        whose e-mail or username starts with it, whatever its case."""
        if prefix is not None:
            prefix = prefix.strip().lower()
        found = await self._list(page, include_inactive=include_inactive, prefix=prefix or None)
        return replace(found, items=[self.seen.setdefault(u.id, u) for u in found.items])

    async def remove(self, user: User) -> None:
        """Stage the deletion of ``user`` with everything that hangs on it: sessions, tokens,
        follows either way, favourites, notifications, and their posts (with those posts'
        comments and favourites) and comments unless handed over first. Its events are
        still collected on commit."""
        self.seen[user.id] = user
        await self._remove(user)

    def hand_over_content(self, from_id: UserId, to_id: UserId) -> None:
        """Stage: the posts and comments of ``from_id`` become ``to_id``'s (applied before
        any removal of this unit of work)."""
        self._hand_over(from_id, to_id)

    def reserve_username(self, username: Username, holder: UserId, until: datetime) -> None:
        """Stage: nobody but ``holder`` may take ``username`` (in any case) before ``until``
        (the handle a user just left, so links to it do not reach someone else)."""
        self._reserve(username.key, holder, until)

    async def username_held_for(self, username: Username, now: datetime) -> UserId | None:
        """Who an unexpired reservation of ``username`` (in any case) keeps it for, if any."""
        return await self._reservation_holder(username.key, now)

    def _track(self, user: User | None) -> User | None:
        if user is None:
            return None
        return self.seen.setdefault(user.id, user)

    @abstractmethod
    def _reserve(self, key: str, holder: UserId, until: datetime) -> None: ...

    @abstractmethod
    async def _reservation_holder(self, key: str, now: datetime) -> UserId | None: ...

    @abstractmethod
    async def _remove(self, user: User) -> None: ...

    @abstractmethod
    def _hand_over(self, from_id: UserId, to_id: UserId) -> None: ...

    @abstractmethod
    def _add(self, user: User) -> None: ...

    @abstractmethod
    async def _get(self, user_id: UserId) -> User | None: ...

    @abstractmethod
    async def _get_by_login(self, login: str) -> User | None: ...

    @abstractmethod
    async def _get_by_username_key(self, key: str) -> User | None: ...

    @abstractmethod
    async def _list(
        self, page: PageRequest, *, include_inactive: bool, prefix: str | None
    ) -> Page[User]: ...

    @abstractmethod
    async def count_active_admins(self) -> int:
        """How many active admins are stored. On a database that can, their rows stay locked
        until the transaction ends, so two transactions that each remove an admin run one after
        the other; whatever the backend, a commit that would leave no active admin (where there
        was one) raises LastAdmin."""

    @abstractmethod
    async def email_taken(self, email: Email) -> bool: ...

    @abstractmethod
    async def username_taken(self, username: Username) -> bool: ...


@dataclass(frozen=True, slots=True)
class PostFilter:
    """Which posts a list shows. Lists show published posts only."""

    tag: str | None = None
    author_id: UserId | None = None


class PostRepository(ABC):
    def __init__(self) -> None:
        self.seen: dict[PostId, Post] = {}

    def add(self, post: Post) -> None:
        self._add(post)
        self.seen[post.id] = post

    async def get(self, post_id: PostId) -> Post | None:
        post = await self._get(post_id)
        return None if post is None else self.seen.setdefault(post.id, post)

    async def get_by_slug(self, slug: str) -> Post | None:
        post = await self._get_by_slug(slug)
        return None if post is None else self.seen.setdefault(post.id, post)

    async def remove(self, post: Post) -> None:
        """Stage the post's deletion; its events are still collected on commit."""
        await self._remove(post)
        self.seen[post.id] = post

    async def list_published(self, where: PostFilter, page: PageRequest) -> Page[Post]:
        """Published posts, newest first, with a fixed number of queries whatever the page."""
        found = await self._list_published(where, page)
        return replace(found, items=[self.seen.setdefault(p.id, p) for p in found.items])

    @abstractmethod
    def _add(self, post: Post) -> None: ...

    @abstractmethod
    async def _get(self, post_id: PostId) -> Post | None: ...

    @abstractmethod
    async def _get_by_slug(self, slug: str) -> Post | None: ...

    @abstractmethod
    async def _remove(self, post: Post) -> None: ...

    @abstractmethod
    async def _list_published(self, where: PostFilter, page: PageRequest) -> Page[Post]: ...

    @abstractmethod
    async def slug_taken(self, slug: Slug) -> bool: ...

    @abstractmethod
    async def count_written_since(self, author_id: UserId, since: datetime) -> int:
        """How many stored posts (drafts too) ``author_id`` created after ``since``."""
