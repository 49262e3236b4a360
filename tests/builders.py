"""Builders of domain entities with sensible defaults: ``make_user(email="a@b.io")``.

Overrides take plain values (``email="x@y.io"``, ``age=30``, ``tags=["a", "b"]``) or value
objects. Each call makes a fresh id, and unique e-mail, username and slug derived from it.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import uuid4

from domain.ids import CommentId, PostId, UserId
from domain.posts.policy import ContentPolicy
from domain.posts.post import Post
from domain.posts.values import Content, Description, Slug, Tags, Title
from domain.roles import Role
from domain.social.comment import Comment, CommentBody
from domain.social.favorite import Favorite
from domain.social.follow import Follow
from domain.users.user import User
from domain.users.values import Age, Bio, DisplayName, Email, ImageUrl, Username

NOW = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
FAKE_PASSWORD_HASH = "$argon2id$v=19$m=8,t=1,p=1$ZmFrZS1zYWx0$ZmFrZS1oYXNoLW5vdC1yZWFs"
E = TypeVar("E", User, Post)


def make_user(**overrides: Any) -> User:
    """A registered user (its UserRegistered event recorded). Also accepts ``now`` (sets both
    timestamps), ``is_active``, ``created_at`` and ``updated_at``."""
    user_id = UserId(overrides.pop("id", None) or uuid4())
    handle = f"user-{user_id.hex[:12]}"
    age = overrides.pop("age", None)
    bio, image = overrides.pop("bio", None), overrides.pop("image", None)
    user = User.register(
        id=user_id,
        email=_value(Email, overrides.pop("email", f"{handle}@example.com")),
        username=_value(Username, overrides.pop("username", handle)),
        name=_value(DisplayName, overrides.pop("name", "Test User")),
        age=None if age is None else _value(Age, age),
        role=Role(overrides.pop("role", Role.USER)),
        password_hash=overrides.pop("password_hash", FAKE_PASSWORD_HASH),
        bio=None if bio is None else _value(Bio, bio),
        image=None if image is None else _value(ImageUrl, image),
        now=overrides.pop("now", NOW),
    )
    return _with(user, overrides)


def make_post(**overrides: Any) -> Post:
    """A published post by a random author unless ``author_id`` is given; ``publish=False``
    makes a draft. Also accepts ``now``, ``policy``, ``created_at``, ``updated_at`` and
    ``published_at``."""
    post_id = PostId(overrides.pop("id", None) or uuid4())
    title = _value(Title, overrides.pop("title", "A post about hexagons"))
    slug = overrides.pop("slug", None) or Slug.from_title(title).with_suffix(post_id.hex[:8])
    post = Post.write(
        id=post_id,
        author_id=UserId(overrides.pop("author_id", None) or uuid4()),
        title=title,
        slug=_value(Slug, slug),
        content=_value(Content, overrides.pop("content", "Ports, adapters and a rich domain.")),
        description=_value(Description, overrides.pop("description", "")),
        tags=_tags(overrides.pop("tags", ("python", "ddd"))),
        policy=overrides.pop("policy", ContentPolicy.of()),
        now=overrides.pop("now", NOW),
        publish=overrides.pop("publish", True),
    )
    return _with(post, overrides)


def _value(kind: type[Any], raw: Any) -> Any:
    return raw if isinstance(raw, kind) else kind(raw)


def _tags(raw: Tags | Iterable[str]) -> Tags:
    return raw if isinstance(raw, Tags) else Tags.of(raw)


def _with(entity: E, attributes: dict[str, Any]) -> E:
    for name, value in attributes.items():
        if not hasattr(entity, name) or name == "events":
            raise TypeError(f"{type(entity).__name__} has no attribute {name!r} to override")
        setattr(entity, name, value)
    return entity


def make_follow(follower: User, followee: User, now: datetime = NOW) -> Follow:
    return Follow.start(follower_id=follower.id, followee_id=followee.id, now=now)


def make_favorite(user: User, post: Post, now: datetime = NOW) -> Favorite:
    return Favorite.mark(user_id=user.id, post=post, now=now)


def make_comment(
    author: User, post: Post, body: str = "A comment.", now: datetime = NOW
) -> Comment:
    return Comment.write(
        id=CommentId(uuid4()), post=post, author_id=author.id, body=CommentBody(body), now=now
    )
