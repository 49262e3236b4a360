"""The read side over a MemoryStore: the same views the SQL read model computes, by scanning
the committed dictionaries."""

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from uuid import UUID

from adapters.memory.search import rank
from adapters.memory.store import MemoryStore
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.read_model import PostQuery, PostStatus, ReadModel
from application.posts.views import PostView, position_by
from application.social.views import CommentView
from application.users.views import AuthorView, ProfileView
from domain.ids import CommentId, PostId, UserId
from domain.posts.post import Post
from domain.social.comment import Comment
from domain.users.user import User


class MemoryReadModel(ReadModel):
    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    async def profile(self, username_key: str, viewer: UserId | None) -> ProfileView | None:
        user = self._user_by_key(username_key)
        if user is None or not user.is_active:
            return None
        follows = self._store.follows.values()
        author = self._author(user, viewer)
        return ProfileView(
            id=user.id,
            username=author.username,
            name=author.name,
            bio=author.bio,
            image=author.image,
            following=author.following,
            followers_count=sum(1 for f in follows if f.followee_id == user.id),
            following_count=sum(1 for f in follows if f.follower_id == user.id),
        )

    async def post(self, post_id: PostId, viewer: UserId | None) -> PostView | None:
        post = self._store.posts.get(post_id)
        return None if post is None else self._post_view(post, viewer)

    async def post_by_slug(self, slug: str, viewer: UserId | None) -> PostView | None:
        found = [post for post in self._store.posts.values() if post.slug.value == slug]
        return self._post_view(found[0], viewer) if found else None

    async def posts(
        self, where: PostQuery, page: PageRequest, viewer: UserId | None
    ) -> Page[PostView]:
        chosen = [
            post
            for post in self._store.posts.values()
            if self._matches(post, where) and _shown_to(post, viewer)
        ]
        if where.text is None:
            return self._page(
                chosen, page, viewer, by_publication=where.status == PostStatus.PUBLISHED
            )
        ranks = {post.id: rank(post, where.text) for post in chosen}
        found = [post for post in chosen if ranks[post.id] is not None]
        found.sort(key=lambda p: (ranks[p.id], p.published_at or p.created_at, p.id), reverse=True)
        views = [self._post_view(p, viewer) for p in found[page.skip : page.skip + page.limit]]
        return Page(views, len(found), page.skip, page.limit)

    async def feed(self, reader: UserId, page: PageRequest) -> Page[PostView]:
        followed = {f.followee_id for f in self._store.follows.values() if f.follower_id == reader}
        chosen = [
            p
            for p in self._store.posts.values()
            if p.is_published and p.author_id in followed and _shown_to(p, reader)
        ]
        return self._page(chosen, page, reader, by_publication=True)

    async def tags(self, limit: int) -> list[str]:
        uses = Counter(
            tag
            for post in self._store.posts.values()
            if post.is_published and post.hidden is None
            for tag in post.tags.as_strings()
        )
        return [tag for tag, _ in sorted(uses.items(), key=lambda item: (-item[1], item[0]))][
            :limit
        ]

    async def comments(
        self, post_id: PostId, page: PageRequest, viewer: UserId | None
    ) -> Page[CommentView]:
        found = [
            c
            for c in self._store.comments.values()
            if c.post_id == post_id and c.is_visible_to(viewer)
        ]
        found.sort(key=lambda c: (c.created_at, c.id))
        after = page.after
        rest = (
            found
            if after is None
            else [c for c in found if (c.created_at, c.id) > (after.key, after.id)]
        )
        chosen = rest[page.skip : page.skip + page.limit + 1]
        views = [self._comment_view(comment, viewer) for comment in chosen]
        return keyset_page(views, len(found), page, lambda v: Position(v.created_at, v.id))

    async def comment(self, comment_id: CommentId, viewer: UserId | None) -> CommentView | None:
        comment = self._store.comments.get(comment_id)
        return None if comment is None else self._comment_view(comment, viewer)

    def _matches(self, post: Post, where: PostQuery) -> bool:
        author = self._store.users.get(post.author_id)
        favoriters = {f.user_id for f in self._store.favorites.values() if f.post_id == post.id}
        favoriter = None if where.favorited_by is None else self._user_by_key(where.favorited_by)
        checks: Iterable[Callable[[], bool]] = (
            lambda: _status_matches(post, where.status),
            lambda: where.tag is None or where.tag in post.tags.as_strings(),
            lambda: where.author_id is None or post.author_id == where.author_id,
            lambda: (
                where.author is None or (author is not None and author.username.key == where.author)
            ),
            lambda: (
                where.favorited_by is None or (favoriter is not None and favoriter.id in favoriters)
            ),
        )
        return all(check() for check in checks)

    def _page(
        self, posts: list[Post], page: PageRequest, viewer: UserId | None, *, by_publication: bool
    ) -> Page[PostView]:
        def key(post: Post) -> tuple[datetime, UUID]:
            moment = post.published_at if by_publication else post.created_at
            return (moment or post.created_at, post.id)

        posts.sort(key=key, reverse=True)
        after = page.after
        rest = posts if after is None else [p for p in posts if key(p) < (after.key, after.id)]
        chosen = rest[page.skip : page.skip + page.limit + 1]
        views = [self._post_view(p, viewer) for p in chosen]
        return keyset_page(views, len(posts), page, position_by(by_publication))

    def _post_view(self, post: Post, viewer: UserId | None) -> PostView:
        favoriters = {f.user_id for f in self._store.favorites.values() if f.post_id == post.id}
        return PostView(
            id=post.id,
            author_id=post.author_id,
            author=self._author(self._store.users[post.author_id], viewer),
            title=post.title.value,
            slug=post.slug.value,
            description=post.description.value,
            content=post.content.value,
            tags=post.tags.as_strings(),
            published=post.is_published,
            published_at=post.published_at,
            created_at=post.created_at,
            updated_at=post.updated_at,
            favorited=viewer in favoriters,
            favorites_count=len(favoriters),
            version=post.version,
            hidden_reason=None if post.hidden is None else post.hidden.reason.value,
            hidden_at=None if post.hidden is None else post.hidden.at,
        )

    def _comment_view(self, comment: Comment, viewer: UserId | None) -> CommentView:
        return CommentView(
            id=comment.id,
            post_id=comment.post_id,
            author=self._author(self._store.users[comment.author_id], viewer),
            body=comment.body.value,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
            hidden_reason=None if comment.hidden is None else comment.hidden.reason.value,
            hidden_at=None if comment.hidden is None else comment.hidden.at,
        )

    def _author(self, user: User, viewer: UserId | None) -> AuthorView:
        following = viewer is not None and any(
            f.follower_id == viewer and f.followee_id == user.id
            for f in self._store.follows.values()
        )
        return AuthorView(
            id=user.id,
            username=user.username.value,
            name=user.name.value,
            bio=None if user.bio is None else user.bio.value,
            image=None if user.image is None else user.image.value,
            following=following,
        )

    def _user_by_key(self, key: str) -> User | None:
        found = [u for u in self._store.users.values() if u.username.key == key]
        return found[0] if found else None


def _shown_to(post: Post, viewer: UserId | None) -> bool:
    """Posts an admin hid are seen by their author only."""
    return post.hidden is None or post.author_id == viewer


def _status_matches(post: Post, status: PostStatus) -> bool:
    if status == PostStatus.ALL:
        return True
    return post.is_published == (status == PostStatus.PUBLISHED)
