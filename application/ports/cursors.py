"""Cursors: where the next page of a list starts, handed to clients as opaque, signed strings."""

from abc import abstractmethod
from typing import Protocol

from application.pagination import Position


class CursorCodec(Protocol):
    """Turns a list position into an opaque string and back. A string is bound to the list
    (``scope``) it was made for: one that was altered, made by someone else or made for
    another list raises InvalidValue("cursor", ...) when read."""

    @abstractmethod
    def encode(self, scope: str, position: Position) -> str:
        """The opaque cursor for ``position`` in the list named ``scope``."""

    @abstractmethod
    def decode(self, scope: str, cursor: str) -> Position:
        """The position ``cursor`` names in the list ``scope``; InvalidValue if it is not one."""
