"""Shapes shared by every resource: pages and RFC 9457 problem details."""

import operator
from datetime import datetime
from functools import partial
from typing import Any, Generic, Self, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from application import pagination
from application.pagination import PageRequest

T = TypeVar("T")

# No stored text may hold a NUL character (domain/text.py): the document says so too.
NO_NUL = r"^[^\x00]*$"

# ``exclude_if`` for a field absent when null: ``value is None``, called by the serialiser for
# every item of a page, as a C callable (a lambda would be a Python call each time).
IS_NONE = partial(operator.is_, None)


# What str.isspace() and so str.strip() call white space, spelled out for a character class:
# ``\s`` means other things to Python's re, to the Rust regex pydantic checks patterns with,
# to hypothesis and to ECMA-262 (\x1c-\x1f, \x85).
WHITE_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def stripped_at_least(min_len: int, excluded: str = r"\x00") -> str:
    """A pattern: no ``excluded`` character, and ``min_len`` characters or more once stripped
    of white space as the value objects strip it."""
    any_char = f"[^{excluded}]"
    shown = f"[^{excluded}{WHITE_SPACE}]"
    if min_len <= 1:
        return f"^{any_char}*{shown}{any_char}*$"
    return f"^{any_char}*{shown}{any_char}{{{min_len - 2},}}{shown}{any_char}*$"


NOT_BLANK = stripped_at_least(1)
DELIVERABLE = (
    "an address that can take mail: special-use domains (.test, .invalid, .localhost...) are a 422"
)
# An absolute http(s) URL with a host (domain/users/values.py: ImageUrl), or empty: no white
# space or control character anywhere.
_URL_CHAR = rf"[^{WHITE_SPACE}\x00-\x1f\x7f"
HTTP_URL_OR_EMPTY = (
    rf"^((https?|HTTPS?)://{_URL_CHAR}/?#@:\[\]]+(:[0-9]{{1,5}})?([/?#]{_URL_CHAR}]*)?)?$"
)


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(ge=0, description="how many items match, over all pages")
    skip: int = Field(ge=0, le=PageRequest.MAX_SKIP)
    limit: int = Field(ge=1, le=PageRequest.MAX_LIMIT)
    next_cursor: str | None = Field(
        description="pass as ?cursor= for the next page (same filters); null on the last page"
    )

    @classmethod
    def of(cls, found: pagination.Page[Any]) -> Self:
        """The response for a use case's page, each item read from its view's attributes."""
        fields = {"items": found.items, "total": found.total, "skip": found.skip}
        fields |= {"limit": found.limit, "next_cursor": found.next_cursor}
        return cls.model_validate(fields, from_attributes=True)


class FieldError(BaseModel):
    field: str = Field(description="dotted path of the offending field; empty for the whole body")
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document, served as application/problem+json."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "urn:folio:problem:not-found",
                    "title": "Not found",
                    "status": 404,
                    "detail": "post not found",
                    "instance": "/posts/0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a",
                }
            ]
        }
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = Field(default=None, exclude_if=IS_NONE)
    request_id: str | None = Field(default=None, exclude_if=IS_NONE)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """The OpenAPI ``responses`` entry documenting problem replies with these statuses
    (moved to application/problem+json by entrypoints.http.openapi)."""
    return {status: {"model": Problem} for status in statuses}


def refuse_bool(value: T) -> T:
    """JSON integers: true and false are none (pydantic's lax mode reads them as 1 and 0)."""
    if isinstance(value, bool):
        raise ValueError("Input should be a valid integer")
    return value


NotBool = BeforeValidator(refuse_bool)


def refuse_null(value: T) -> T:
    """PATCH bodies: a field that cannot be cleared may be left out, not set to null."""
    if value is None:
        raise ValueError("may not be null (leave the field out to keep its value)")
    return value


class HiddenMarkOut(BaseModel):
    """What a moderated post or comment tells its author; absent from everything not hidden."""

    hidden: bool | None = Field(
        default=None,
        exclude_if=IS_NONE,
        description="true when an admin hid it: then only its author sees it; absent otherwise",
    )
    hidden_reason: str | None = Field(
        default=None,
        exclude_if=IS_NONE,
        description="why an admin hid it (its author's view only)",
    )
    hidden_at: datetime | None = Field(
        default=None, exclude_if=IS_NONE, description="when it was hidden"
    )

    @field_validator("hidden", mode="before")
    @classmethod
    def _only_when_hidden(cls, value: bool | None) -> bool | None:
        return True if value else None
