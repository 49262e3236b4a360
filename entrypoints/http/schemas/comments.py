"""Comment schemas. The author is the caller, never a field of the body."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from domain.social.comment import CommentBody
from entrypoints.http.schemas.common import NOT_BLANK, HiddenMarkOut, Page
from entrypoints.http.schemas.profiles import AuthorOut


class AddCommentIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"body": "A fine engine indeed."}]}
    )

    body: str = Field(
        min_length=1, max_length=CommentBody.MAX_LEN, pattern=NOT_BLANK, description="stripped"
    )


class CommentOut(HiddenMarkOut):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    post_id: UUID
    author: AuthorOut
    body: str
    created_at: datetime
    updated_at: datetime


class CommentPage(Page[CommentOut]):
    pass


class TagsOut(BaseModel):
    tags: list[str] = Field(description="tags of published posts, most used first")
