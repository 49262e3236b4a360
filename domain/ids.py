"""Identifiers of aggregates. Made by the application's IdGenerator port, never in the domain."""

from typing import NewType
from uuid import UUID

UserId = NewType("UserId", UUID)
PostId = NewType("PostId", UUID)
NotificationId = NewType("NotificationId", UUID)
CommentId = NewType("CommentId", UUID)
SessionId = NewType("SessionId", UUID)
AccountTokenId = NewType("AccountTokenId", UUID)
