from dataclasses import dataclass
from datetime import datetime

from domain.ids import PostId, UserId
from domain.posts.post import Post


@dataclass(frozen=True, slots=True)
class PostView:
    id: PostId
    author_id: UserId
    title: str
    slug: str
    content: str
    tags: list[str]
    published: bool
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, post: Post) -> "PostView":
        return cls(
            id=post.id,
            author_id=post.author_id,
            title=post.title.value,
            slug=post.slug.value,
            content=post.content.value,
            tags=post.tags.as_strings(),
            published=post.is_published,
            published_at=post.published_at,
            created_at=post.created_at,
            updated_at=post.updated_at,
            version=post.version,
        )
