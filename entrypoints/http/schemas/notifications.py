"""Inbox, queued e-mail and unsubscribe schemas."""

from datetime import datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictBool, model_validator

from application.notifications.mark_notifications_read import MAX_IDS
from application.notifications.views import Inbox
from domain.notifications.values import MessageBody, Subject
from domain.users.values import Email
from entrypoints.http.schemas.common import DELIVERABLE, NOT_BLANK, Page, stripped_at_least

# One line, and no NUL (domain/text.py); a subject is not blank either.
NO_LINE_BREAKS = r"^[^\r\n\x00]*$"
ONE_LINE_NOT_BLANK = stripped_at_least(1, excluded=r"\r\n\x00")


class NotificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    kind: str = Field(examples=["welcome"], description="welcome, post_deleted...")
    message: str
    created_at: datetime
    read: bool
    read_at: datetime | None


class NotificationPage(Page[NotificationOut]):
    unread: int = Field(
        default=0, ge=0, description="unread notifications of the user, over all pages"
    )

    @classmethod
    def of_inbox(cls, inbox: Inbox) -> Self:
        page = cls.of(inbox.page)
        return page.model_copy(update={"unread": inbox.unread})


class MarkReadIn(BaseModel):
    """Either ``ids`` (at most 100) or ``all: true``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"ids": ["0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a"]}, {"all": True}],
            "oneOf": [
                {
                    "required": ["ids"],
                    "properties": {"ids": {"type": "array"}, "all": {"const": False}},
                },
                {
                    "required": ["all"],
                    "properties": {"all": {"const": True}, "ids": {"type": "null"}},
                },
            ],
        },
    )

    ids: list[UUID] | None = Field(default=None, min_length=1, max_length=MAX_IDS)
    all: StrictBool = False

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.ids is None) == (not self.all):
            raise ValueError("give either ids or all: true")
        return self


class UnreadOut(BaseModel):
    unread: int = Field(ge=0)


class SendNotificationIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"email": "ada@example.com", "subject": "Maintenance", "message": "Back at 6."}
            ]
        },
    )

    email: Annotated[
        EmailStr, Field(max_length=Email.MAX_LEN, pattern=NO_LINE_BREAKS, description=DELIVERABLE)
    ]
    subject: str = Field(min_length=1, max_length=Subject.MAX_LEN, pattern=ONE_LINE_NOT_BLANK)
    message: str = Field(min_length=1, max_length=MessageBody.MAX_LEN, pattern=NOT_BLANK)


class QueuedOut(BaseModel):
    id: UUID = Field(description="the notification id")
    status: str = "queued"
