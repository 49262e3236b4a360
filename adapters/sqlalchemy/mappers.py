"""Explicit row <-> entity mapping (ADR 002). Rows are plain dicts keyed by column name.

``*_row`` functions give the canonical row of an entity; the unit of work compares the row of an
entity as loaded with its row at commit to find what changed, so a mapper must be a pure function
of the entity's state. ``version`` is not in them: the database counts it (``version + 1`` with
every update; 1 by default on insert).
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from domain.admin.reason import Hidden, Reason
from domain.ids import PostId, SessionId, UserId
from domain.posts.post import Post
from domain.posts.values import Content, Description, Slug, Tag, Tags, Title
from domain.roles import Role
from domain.sessions.session import AuthMethod, EndReason, Session
from domain.users.limits import PostingLimit
from domain.users.user import User
from domain.users.values import Age, Bio, DisplayName, Email, ImageUrl, Username

Row = dict[str, Any]
StoredRow = Mapping[Any, Any]  # a row as read: a dict or SQLAlchemy's RowMapping


def user_row(user: User) -> Row:
    return {
        "id": user.id,
        "email": user.email.value,
        "username": user.username.value,
        "username_key": user.username.key,
        "name": user.name.value,
        "age": None if user.age is None else user.age.value,
        "role": user.role.value,
        "is_active": user.is_active,
        "email_notifications": user.email_notifications,
        "email_verified_at": user.email_verified_at,
        "password_hash": user.password_hash,
        "created_at": user.created_at,
        "updated_at": user.updated_at,
        "bio": None if user.bio is None else user.bio.value,
        "image": None if user.image is None else user.image.value,
        "posts_per_day": None if user.posting_limit is None else user.posting_limit.posts_per_day,
    }


def user_from_row(row: StoredRow) -> User:
    return User(
        id=UserId(row["id"]),
        email=Email(row["email"]),
        username=Username(row["username"]),
        name=DisplayName(row["name"]),
        age=None if row["age"] is None else Age(row["age"]),
        role=Role(row["role"]),
        is_active=bool(row["is_active"]),
        email_notifications=bool(row["email_notifications"]),
        email_verified_at=row["email_verified_at"],
        password_hash=row["password_hash"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=row["version"],
        bio=None if row["bio"] is None else Bio(row["bio"]),
        image=None if row["image"] is None else ImageUrl(row["image"]),
        posting_limit=None if row["posts_per_day"] is None else PostingLimit(row["posts_per_day"]),
    )


def post_row(post: Post) -> Row:
    """The ``posts`` row of a post; its tags are in :func:`tag_rows`."""
    return {
        "id": post.id,
        "author_id": post.author_id,
        "title": post.title.value,
        "slug": post.slug.value,
        "description": post.description.value,
        "content": post.content.value,
        "created_at": post.created_at,
        "updated_at": post.updated_at,
        "published_at": post.published_at,
        **hidden_columns(post.hidden),
    }


def tag_rows(post: Post) -> list[Row]:
    """The ``post_tags`` rows of a post; ``position`` keeps the order the author gave."""
    return [
        {"post_id": post.id, "tag": tag.value, "position": position}
        for position, tag in enumerate(post.tags.values)
    ]


def post_from_row(row: StoredRow, tags: Iterable[str]) -> Post:
    """A post from its ``posts`` row and its tags, already in position order."""
    return Post(
        id=PostId(row["id"]),
        author_id=UserId(row["author_id"]),
        title=Title(row["title"]),
        slug=Slug(row["slug"]),
        description=Description(row["description"]),
        content=Content(row["content"]),
        tags=Tags(tuple(Tag(tag) for tag in tags)),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        published_at=row["published_at"],
        version=row["version"],
        hidden=hidden_from_row(row),
    )


def hidden_columns(hidden: Hidden | None) -> Row:
    """The ``hidden_*`` columns of moderated content (posts and comments alike)."""
    if hidden is None:
        return {"hidden_at": None, "hidden_reason": None, "hidden_by": None}
    return {"hidden_at": hidden.at, "hidden_reason": hidden.reason.value, "hidden_by": hidden.by}


def hidden_from_row(row: StoredRow) -> Hidden | None:
    if row["hidden_at"] is None:
        return None
    by = row["hidden_by"]
    return Hidden(
        reason=Reason(row["hidden_reason"]),
        at=row["hidden_at"],
        by=None if by is None else UserId(by),
    )


def tags_by_post(rows: Sequence[StoredRow]) -> dict[PostId, list[str]]:
    """Group ``post_tags`` rows (ordered by position) by post."""
    grouped: dict[PostId, list[str]] = {}
    for row in rows:
        grouped.setdefault(PostId(row["post_id"]), []).append(row["tag"])
    return grouped


def session_row(session: Session) -> Row:
    return {
        "id": session.id,
        "user_id": session.user_id,
        "refresh_hash": session.refresh_hash,
        "auth_method": session.auth_method.value,
        "created_at": session.created_at,
        "last_used_at": session.last_used_at,
        "refresh_expires_at": session.refresh_expires_at,
        "expires_at": session.expires_at,
        "client_address": session.client_address,
        "user_agent": session.user_agent,
        "ended_at": session.ended_at,
        "end_reason": None if session.end_reason is None else session.end_reason.value,
    }


def session_from_row(row: StoredRow) -> Session:
    return Session(
        id=SessionId(row["id"]),
        user_id=UserId(row["user_id"]),
        refresh_hash=row["refresh_hash"],
        auth_method=AuthMethod(row["auth_method"]),
        created_at=row["created_at"],
        last_used_at=row["last_used_at"],
        refresh_expires_at=row["refresh_expires_at"],
        expires_at=row["expires_at"],
        client_address=row["client_address"],
        user_agent=row["user_agent"],
        ended_at=row["ended_at"],
        end_reason=None if row["end_reason"] is None else EndReason(row["end_reason"]),
    )


def changed_columns(before: Row, after: Row) -> Row:
    """The columns of ``after`` whose values differ from ``before``."""
    return {column: value for column, value in after.items() if before.get(column) != value}
