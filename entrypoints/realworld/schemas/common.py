"""Field types shared by RealWorld's request bodies.

What the document states of a text field is checked by the value objects, with their own
messages (``must be at least 5 characters``), or by pydantic where its message says the same
(a length in raw characters); ``documented`` only writes the former into the JSON Schema,
with the patterns of the native API's schemas (entrypoints/http/schemas/common.py)."""

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from entrypoints.http.schemas.common import NOT_BLANK, WHITE_SPACE, stripped_at_least

BLANK_MESSAGE = "can't be blank"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", BLANK_MESSAGE)
    return value


def documented(**keywords: Any) -> Any:
    """JSON Schema ``keywords`` of a field whose rules something else checks."""
    return Field(json_schema_extra=keywords)


def stripped(pattern: str) -> str:
    """``pattern`` (anchored) for a value the value object strips of white space first."""
    return rf"^[{WHITE_SPACE}]*{pattern.removeprefix('^').removesuffix('$')}[{WHITE_SPACE}]*$"


def text_of(min_len: int) -> Any:
    """At least ``min_len`` characters once stripped, and no NUL (domain/text.py)."""
    return documented(minLength=min_len, pattern=stripped_at_least(min_len))


# A required text: present, a string, not only white space ("can't be blank" otherwise), and
# without NUL (refused by every value object).
Required = Annotated[str, AfterValidator(_not_blank), documented(minLength=1, pattern=NOT_BLANK)]


class In(BaseModel):
    """A request body. Front ends send back more than is asked for (the token inside ``user``,
    for one): unknown fields are ignored, not refused."""

    model_config = ConfigDict(extra="ignore")
