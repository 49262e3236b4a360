from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.ids import PostId, UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class PostPublished(DomainEvent):
    name: ClassVar[str] = "post_published"
    post_id: PostId
    author_id: UserId
    slug: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PostDeleted(DomainEvent):
    name: ClassVar[str] = "post_deleted"
    post_id: PostId
    author_id: UserId
    title: str = ""
    deleted_by: UserId | None = None
