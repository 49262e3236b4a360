"""Pages: every list in Folio is asked for by skip/limit and answered with a total."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from domain.errors import InvalidValue

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, slots=True)
class PageRequest:
    skip: int = 0
    limit: int = 20
    DEFAULT_LIMIT: ClassVar[int] = 20
    MAX_LIMIT: ClassVar[int] = 100
    MAX_SKIP: ClassVar[int] = 1_000_000

    def __post_init__(self) -> None:
        if not 0 <= self.skip <= self.MAX_SKIP:
            raise InvalidValue("skip", f"must be between 0 and {self.MAX_SKIP}")
        if not 1 <= self.limit <= self.MAX_LIMIT:
            raise InvalidValue("limit", f"must be between 1 and {self.MAX_LIMIT}")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    skip: int
    limit: int

    def map(self, convert: Callable[[T], U]) -> "Page[U]":
        return Page([convert(item) for item in self.items], self.total, self.skip, self.limit)
