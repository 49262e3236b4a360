"""A per-user posting limit an admin sets."""

from dataclasses import dataclass
from typing import ClassVar

from domain.errors import DomainError, InvalidValue


class PostingLimitReached(DomainError):
    """The author wrote as many posts in the last day as an admin allows them."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"you may write at most {limit} post{'s' if limit != 1 else ''} a day; "
            "an admin set this limit"
        )
        self.limit = limit


@dataclass(frozen=True, slots=True)
class PostingLimit:
    """How many posts a user may write in any 24 hours."""

    posts_per_day: int
    MIN: ClassVar[int] = 0
    MAX: ClassVar[int] = 10_000

    def __post_init__(self) -> None:
        if not self.MIN <= self.posts_per_day <= self.MAX:
            raise InvalidValue("posts_per_day", f"must be between {self.MIN} and {self.MAX}")

    def ensure_allows(self, written_in_last_day: int) -> None:
        if written_in_last_day >= self.posts_per_day:
            raise PostingLimitReached(self.posts_per_day)
