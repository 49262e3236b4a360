"""Field types shared by RealWorld's request bodies."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic_core import PydanticCustomError


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "can't be blank")
    return value


# A required text: present, a string, and not only whitespace ("can't be blank" otherwise).
Required = Annotated[str, AfterValidator(_not_blank)]


class In(BaseModel):
    """A request body. Front ends send back more than is asked for (the token inside ``user``,
    for one): unknown fields are ignored, not refused."""

    model_config = ConfigDict(extra="ignore")
