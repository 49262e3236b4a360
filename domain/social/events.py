from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.ids import CommentId, PostId, UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class UserFollowed(DomainEvent):
    name: ClassVar[str] = "user_followed"
    follower_id: UserId
    followee_id: UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class UserUnfollowed(DomainEvent):
    name: ClassVar[str] = "user_unfollowed"
    follower_id: UserId
    followee_id: UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class PostFavorited(DomainEvent):
    name: ClassVar[str] = "post_favorited"
    user_id: UserId
    post_id: PostId
    author_id: UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class PostUnfavorited(DomainEvent):
    name: ClassVar[str] = "post_unfavorited"
    user_id: UserId
    post_id: PostId
    author_id: UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentAdded(DomainEvent):
    name: ClassVar[str] = "comment_added"
    comment_id: CommentId
    post_id: PostId
    post_author_id: UserId
    author_id: UserId
    body: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentDeleted(DomainEvent):
    name: ClassVar[str] = "comment_deleted"
    comment_id: CommentId
    post_id: PostId
    author_id: UserId
    deleted_by: UserId
