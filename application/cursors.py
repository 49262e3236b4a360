"""How a use case reads a page request's cursor and hands out the next one."""

from dataclasses import replace
from typing import TypeVar

from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec

T = TypeVar("T")


def resolve(codec: CursorCodec, scope: str, page: PageRequest) -> PageRequest:
    """``page`` with the position its cursor names (InvalidValue for a foreign or altered one)."""
    if page.cursor is None:
        return page
    return replace(page, after=codec.decode(scope, page.cursor))


def with_next_cursor(codec: CursorCodec, scope: str, page: Page[T]) -> Page[T]:
    """``page`` answering the opaque cursor of its next page, if there is one."""
    return page.with_cursor(None if page.next is None else codec.encode(scope, page.next))
