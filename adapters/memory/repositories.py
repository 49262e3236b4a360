import copy
from typing import TypeVar

from adapters.memory.store import MemoryStore
from application.pagination import Page, PageRequest
from application.ports.repositories import PostFilter, PostRepository, UserRepository
from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.posts.values import Slug
from domain.users.user import User
from domain.users.values import Email, Username

T = TypeVar("T", User, Post)


def _private_copy(entity: T | None) -> T | None:
    """A copy the transaction may change freely; the store changes only on commit."""
    return None if entity is None else copy.deepcopy(entity)


def _state(entity: User | Post) -> dict[str, object]:
    """What an aggregate holds, events aside. Its values are immutable, so a shallow copy
    taken when it is read tells at commit whether the transaction changed it."""
    return {key: value for key, value in vars(entity).items() if key != "events"}


class _ChangeTracker:
    """Remembers each aggregate's state as read, so commit writes back only what changed
    (a transaction that merely read an aggregate must not undo another's change to it)."""

    def __init__(self) -> None:
        self._as_read: dict[object, dict[str, object]] = {}

    def remember(self, entity: T | None) -> T | None:
        if entity is not None:
            self._as_read.setdefault(entity.id, _state(entity))
        return entity

    def changed(self, entity: User | Post) -> bool:
        return self._as_read.get(entity.id) != _state(entity)


def _page(items: list[T], page: PageRequest, tracker: _ChangeTracker) -> Page[T]:
    chosen = [copy.deepcopy(item) for item in items[page.skip : page.skip + page.limit]]
    for item in chosen:
        tracker.remember(item)
    return Page(chosen, len(items), page.skip, page.limit)


class MemoryUserRepository(UserRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.added: list[User] = []
        self.tracker = _ChangeTracker()

    def _add(self, user: User) -> None:
        self.added.append(user)

    async def _get(self, user_id: UserId) -> User | None:
        return self.tracker.remember(_private_copy(self._store.users.get(user_id)))

    async def _get_by_login(self, login: str) -> User | None:
        for user in self._store.users.values():
            if login in (user.email.value, user.username.value):
                return self.tracker.remember(_private_copy(user))
        return None

    async def _list(self, page: PageRequest, *, include_inactive: bool) -> Page[User]:
        users = [u for u in self._store.users.values() if include_inactive or u.is_active]
        users.sort(key=lambda u: (u.created_at, u.id))
        return _page(users, page, self.tracker)

    async def email_taken(self, email: Email) -> bool:
        return any(user.email == email for user in self._store.users.values())

    async def username_taken(self, username: Username) -> bool:
        return any(user.username == username for user in self._store.users.values())


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
        posts.sort(key=lambda p: (p.published_at, p.id), reverse=True)
        return _page(posts, page, self.tracker)

    async def slug_taken(self, slug: Slug) -> bool:
        return any(post.slug == slug for post in self._store.posts.values())
