import copy
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from adapters.memory.store import MemoryStore
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.repositories import PostFilter, PostRepository, UserRepository
from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.posts.values import Slug
from domain.sessions.session import Session
from domain.users.user import User
from domain.users.values import Email, Username

T = TypeVar("T", User, Post, Session)


def _private_copy(entity: T | None) -> T | None:
    """A copy the transaction may change freely; the store changes only on commit."""
    return None if entity is None else copy.deepcopy(entity)


_NOT_STATE = frozenset({"events", "version", "guarded_version"})  # the store counts versions


def _state(entity: User | Post | Session) -> dict[str, object]:
    """What an aggregate holds, events aside. Its values are immutable, so a shallow copy
    taken when it is read tells at commit whether the transaction changed it."""
    return {key: value for key, value in vars(entity).items() if key not in _NOT_STATE}


class _ChangeTracker:
    """Remembers each aggregate's state as read, so commit writes back only what changed
    (a transaction that merely read an aggregate must not undo another's change to it)."""

    def __init__(self) -> None:
        self._as_read: dict[object, dict[str, object]] = {}

    def remember(self, entity: T | None) -> T | None:
        if entity is not None:
            self._as_read.setdefault(entity.id, _state(entity))
        return entity

    def changed(self, entity: User | Post | Session) -> bool:
        return self._as_read.get(entity.id) != _state(entity)


def _page(
    items: list[T],
    page: PageRequest,
    tracker: _ChangeTracker,
    position: Callable[[T], Position],
    descending: bool,
) -> Page[T]:
    """``items`` are every match in list order; the page starts at ``skip`` or after the
    request's position, whichever is given."""
    after = page.after
    start = page.skip
    if after is not None:
        start = next(
            (
                i
                for i, item in enumerate(items)
                if (position(item) < after if descending else position(item) > after)
            ),
            len(items),
        )
    chosen = [copy.deepcopy(item) for item in items[start : start + page.limit + 1]]
    for item in chosen[: page.limit]:
        tracker.remember(item)
    return keyset_page(chosen, len(items), page, position)


def _user_position(user: User) -> Position:
    return Position(user.created_at, user.id)


def _post_position(post: Post) -> Position:
    if post.published_at is None:  # pragma: no cover - lists hold published posts only
        raise ValueError("a draft has no place in a list of published posts")
    return Position(post.published_at, post.id)


class MemoryUserRepository(UserRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.added: list[User] = []
        self.tracker = _ChangeTracker()
        self.removed: set[UserId] = set()
        self.handovers: list[tuple[UserId, UserId]] = []
        self.hash_swaps: list[tuple[UserId, str, str, datetime]] = []
        self.reservations: dict[str, tuple[UserId, datetime]] = {}

    def _add(self, user: User) -> None:
        self.added.append(user)

    async def _remove(self, user: User) -> None:
        self.removed.add(user.id)

    def _reserve(self, key: str, holder: UserId, until: datetime) -> None:
        self.reservations[key] = (holder, until)

    async def _reservation_holder(self, key: str, now: datetime) -> UserId | None:
        held = self._store.username_reservations.get(key)
        return held[0] if held is not None and held[1] > now else None

    def _hand_over(self, from_id: UserId, to_id: UserId) -> None:
        self.handovers.append((from_id, to_id))

    def replace_password_hash(
        self, user_id: UserId, expected: str, new: str, *, now: datetime
    ) -> None:
        self.hash_swaps.append((user_id, expected, new, now))

    async def _get(self, user_id: UserId) -> User | None:
        return self.tracker.remember(_private_copy(self._store.users.get(user_id)))

    async def _get_by_login(self, login: str) -> User | None:
        for user in self._store.users.values():
            if login in (user.email.value, user.username.key):
                return self.tracker.remember(_private_copy(user))
        return None

    async def _get_by_username_key(self, key: str) -> User | None:
        for user in self._store.users.values():
            if user.username.key == key:
                return self.tracker.remember(_private_copy(user))
        return None

    async def _list(
        self, page: PageRequest, *, include_inactive: bool, prefix: str | None
    ) -> Page[User]:
        users = [
            u
            for u in self._store.users.values()
            if (include_inactive or u.is_active)
            and (
                prefix is None
                or u.email.value.startswith(prefix)
                or u.username.key.startswith(prefix)
            )
        ]
        users.sort(key=_user_position)
        return _page(users, page, self.tracker, _user_position, descending=False)

    async def count_active_admins(self) -> int:
        return sum(1 for user in self._store.users.values() if user.is_active_admin)

    async def email_taken(self, email: Email) -> bool:
        return any(user.email == email for user in self._store.users.values())

    async def username_taken(self, username: Username) -> bool:
        return any(user.username.key == username.key for user in self._store.users.values())


def _starts_with(user: User, prefix: str) -> bool:
    return user.email.value.startswith(prefix) or user.username.key.startswith(prefix)


class MemoryPostRepository(PostRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.added: list[Post] = []
        self.tracker = _ChangeTracker()
        self.removed: set[PostId] = set()

    def _add(self, post: Post) -> None:
        self.added.append(post)

    async def _get(self, post_id: PostId) -> Post | None:
        return self.tracker.remember(_private_copy(self._store.posts.get(post_id)))

    async def _get_by_slug(self, slug: str) -> Post | None:
        for post in self._store.posts.values():
            if post.slug.value == slug:
                return self.tracker.remember(_private_copy(post))
        return None

    async def _remove(self, post: Post) -> None:
        self.removed.add(post.id)

    async def _list_published(self, where: PostFilter, page: PageRequest) -> Page[Post]:
        posts = [
            post
            for post in self._store.posts.values()
            if post.is_published
            and (where.author_id is None or post.author_id == where.author_id)
            and (where.tag is None or where.tag in post.tags.as_strings())
        ]
        posts.sort(key=_post_position, reverse=True)
        return _page(posts, page, self.tracker, _post_position, descending=True)

    async def slug_taken(self, slug: Slug) -> bool:
        return any(post.slug == slug for post in self._store.posts.values())

    async def count_written_since(self, author_id: UserId, since: datetime) -> int:
        return sum(
            1
            for post in self._store.posts.values()
            if post.author_id == author_id and post.created_at > since
        )
