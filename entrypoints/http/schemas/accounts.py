"""Schemas of the account flows: password reset and e-mail verification."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from domain.users.values import Email
from entrypoints.http.schemas.common import DELIVERABLE
from entrypoints.http.schemas.users import PasswordField

TokenField = Annotated[
    str, Field(min_length=1, max_length=256, description="the token from the e-mail")
]
RESET_ACCEPTED = (
    "If an account has this address, a link to reset its password is on its way; "
    "it works once, for 30 minutes."
)


class PasswordResetIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"email": "ada@example.com"}]}
    )

    email: Annotated[EmailStr, Field(max_length=Email.MAX_LEN, description=DELIVERABLE)]


class PasswordResetConfirmIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"token": "Q2hvb3NlIGEgbmV3IHBhc3N3b3Jk", "new_password": "a new one 42"}]
        },
    )

    token: TokenField
    new_password: PasswordField


class VerifyEmailIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"token": "VmVyaWZ5IG15IGFkZHJlc3M"}]},
    )

    token: TokenField


class AcceptedOut(BaseModel):
    """The same reply whatever happens next, so that it tells nothing."""

    detail: str = Field(examples=[RESET_ACCEPTED])
