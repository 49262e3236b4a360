"""Comment schemas. The author is the caller, never a field of the body."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from domain.social.comment import CommentBody
from entrypoints.http.schemas.common import Page
from entrypoints.http.schemas.profiles import AuthorOut


class AddCommentIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"body": "A fine engine indeed."}]}
    )

    body: str = Field(min_length=1, max_length=CommentBody.MAX_LEN)


class CommentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    post_id: UUID
    author: AuthorOut
    body: str
    created_at: datetime
    updated_at: datetime
    hidden: bool | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="true when an admin hid it: then only its author sees it; absent otherwise",
    )
    hidden_reason: str | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="why an admin hid it (its author's view only)",
    )
    hidden_at: datetime | None = Field(
        default=None, exclude_if=lambda value: value is None, description="when it was hidden"
    )

    @field_validator("hidden", mode="before")
    @classmethod
    def _only_when_hidden(cls, value: bool | None) -> bool | None:
        return True if value else None


class CommentPage(Page[CommentOut]):
    pass


class TagsOut(BaseModel):
    tags: list[str] = Field(description="tags of published posts, most used first")
