"""What an admin's queued e-mail is made of: bounded, and no line break in the subject."""

from dataclasses import dataclass
from typing import ClassVar

from domain.errors import InvalidValue
from domain.text import check_length


def refuse_line_breaks(field: str, value: str) -> None:
    """A header value with CR or LF could smuggle headers into a message."""
    if "\r" in value or "\n" in value:
        raise InvalidValue(field, "must not contain line breaks")


@dataclass(frozen=True, slots=True)
class Subject:
    value: str
    MAX_LEN: ClassVar[int] = 200

    def __post_init__(self) -> None:
        refuse_line_breaks("subject", self.value)
        check_length("subject", self.value.strip(), 1, self.MAX_LEN)
        object.__setattr__(self, "value", self.value.strip())


@dataclass(frozen=True, slots=True)
class MessageBody:
    value: str
    MAX_LEN: ClassVar[int] = 10_000

    def __post_init__(self) -> None:
        check_length("message", self.value.strip(), 1, self.MAX_LEN)
        object.__setattr__(self, "value", self.value.strip())
