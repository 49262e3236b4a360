"""Pages: every list in Folio is asked for by skip/limit or by cursor, and answered with a total
and, when more items follow, the position (and cursor) where the next page starts."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import ClassVar, Generic, TypeVar
from uuid import UUID

from domain.errors import InvalidValue

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """Where a keyset page starts: the sort key and the id of the last item already seen."""

    key: datetime
    id: UUID


@dataclass(frozen=True, slots=True)
class PageRequest:
    """``cursor`` is the opaque string of a previous page's ``next_cursor``; a use case turns it
    into ``after`` (the position to continue from). A cursor and a skip do not go together."""

    skip: int = 0
    limit: int = 20
    cursor: str | None = None
    after: Position | None = None
    DEFAULT_LIMIT: ClassVar[int] = 20
    MAX_LIMIT: ClassVar[int] = 100
    MAX_SKIP: ClassVar[int] = 1_000_000

    def __post_init__(self) -> None:
        if not 0 <= self.skip <= self.MAX_SKIP:
            raise InvalidValue("skip", f"must be between 0 and {self.MAX_SKIP}")
        if not 1 <= self.limit <= self.MAX_LIMIT:
            raise InvalidValue("limit", f"must be between 1 and {self.MAX_LIMIT}")
        if self.skip and (self.cursor is not None or self.after is not None):
            raise InvalidValue("cursor", "give either skip or cursor, not both")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    skip: int
    limit: int
    next: Position | None = None  # where the next page starts; None on the last page
    next_cursor: str | None = None

    def map(self, convert: Callable[[T], U]) -> "Page[U]":
        items = [convert(item) for item in self.items]
        return Page(items, self.total, self.skip, self.limit, self.next, self.next_cursor)

    def with_cursor(self, cursor: str | None) -> "Page[T]":
        return replace(self, next_cursor=cursor)


def keyset_page(
    rows: Sequence[T], total: int, page: PageRequest, position: Callable[[T], Position]
) -> Page[T]:
    """The page from up to ``limit + 1`` rows read in list order: the extra row only tells that
    another page follows, which then starts after the last row kept."""
    kept = rows[: page.limit]
    more = len(rows) > page.limit
    return Page(kept, total, page.skip, page.limit, position(kept[-1]) if more else None)
