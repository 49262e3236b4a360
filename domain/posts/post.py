"""The post aggregate: a draft until published; its author alone may change it."""

from dataclasses import dataclass, field
from datetime import datetime

from domain.admin.reason import Hidden, Reason
from domain.errors import CommentsClosed, FavoritesClosed, PermissionDenied
from domain.events import Aggregate
from domain.ids import PostId, UserId
from domain.posts.events import PostDeleted, PostPublished
from domain.posts.policy import ContentPolicy
from domain.posts.values import Content, Description, Slug, Tags, Title
from domain.roles import Actor


@dataclass(eq=False, kw_only=True)
class Post(Aggregate):
    id: PostId
    author_id: UserId
    title: Title
    slug: Slug
    content: Content
    tags: Tags
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None
    description: Description = field(default_factory=Description)
    hidden: Hidden | None = None  # by an admin: gone for everyone but the author

    @classmethod
    def write(
        cls,
        *,
        id: PostId,
        author_id: UserId,
        title: Title,
        slug: Slug,
        content: Content,
        tags: Tags,
        policy: ContentPolicy,
        now: datetime,
        publish: bool = False,
        description: Description | None = None,
    ) -> "Post":
        policy.check_title(title)
        post = cls(
            id=id,
            author_id=author_id,
            title=title,
            slug=slug,
            description=description or Description(),
            content=content,
            tags=tags,
            created_at=now,
            updated_at=now,
        )
        if publish:
            post.publish(now=now)
        return post

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_visible_to(self, actor: Actor | None) -> bool:
        """Published and not hidden: to everyone; otherwise to its author only."""
        public = self.is_published and self.hidden is None
        return public or (actor is not None and actor.id == self.author_id)

    def hide(self, reason: Reason, *, by: UserId | None, now: datetime) -> None:
        """An admin takes the post out of sight of all but its author, saying why (hiding a
        hidden post again replaces the reason)."""
        self.hidden = Hidden(reason=reason, at=now, by=by)

    def restore(self) -> None:
        """Undo ``hide``: the post is seen again as before."""
        self.hidden = None

    def ensure_editable_by(self, actor: Actor) -> None:
        if actor.id != self.author_id:
            raise PermissionDenied("only the author may change this post")

    def ensure_deletable_by(self, actor: Actor) -> None:
        if actor.id != self.author_id and not actor.is_admin:
            raise PermissionDenied("only the author or an admin may delete this post")

    def edit(
        self,
        *,
        policy: ContentPolicy,
        now: datetime,
        title: Title | None = None,
        content: Content | None = None,
        description: Description | None = None,
    ) -> None:
        if title is not None:
            policy.check_title(title)
            self.title = title
        if content is not None:
            self.content = content
        if description is not None:
            self.description = description
        self.updated_at = now

    def move_to(self, slug: Slug, *, now: datetime) -> None:
        """Give the post another URL name (the caller makes sure no other post holds it)."""
        if slug != self.slug:
            self.slug = slug
            self.updated_at = now

    def retag(self, tags: Tags, *, now: datetime) -> None:
        self.tags = tags
        self.updated_at = now

    def publish(self, *, now: datetime) -> None:
        if self.is_published:
            return
        self.published_at = now
        self.updated_at = now
        self.record(
            PostPublished(
                occurred_at=now,
                post_id=self.id,
                author_id=self.author_id,
                slug=self.slug.value,
                title=self.title.value,
            )
        )

    def ensure_open_to_comments(self) -> None:
        if not self.is_published:
            raise CommentsClosed()

    def ensure_open_to_favorites(self) -> None:
        if not self.is_published:
            raise FavoritesClosed()

    def unpublish(self, *, now: datetime) -> None:
        self.published_at = None
        self.updated_at = now

    def delete(self, *, now: datetime, by: UserId | None = None) -> None:
        """Mark the post as going away; the repository removes it, the event announces it
        (and who deleted it, when known)."""
        self.record(
            PostDeleted(
                occurred_at=now,
                post_id=self.id,
                author_id=self.author_id,
                title=self.title.value,
                deleted_by=by,
            )
        )
