"""Why an admin acted, and the mark moderation leaves on hidden content."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.ids import UserId
from domain.text import check_length


@dataclass(frozen=True, slots=True)
class Reason:
    """An admin's explanation: stripped, 1 to MAX_LEN characters."""

    value: str
    MAX_LEN: ClassVar[int] = 500

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("reason", normalised, 1, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class Hidden:
    """Content an admin hid: why, when and by whom (None: the operator, on the CLI)."""

    reason: Reason
    at: datetime
    by: UserId | None
