"""User schemas. Passwords only ever come in; the hash never goes out."""

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    field_validator,
    model_serializer,
)
from pydantic.json_schema import SkipJsonSchema

from domain.roles import Role
from domain.users.password_policy import PasswordPolicy
from domain.users.values import Age, Bio, DisplayName, Email, ImageUrl, RawPassword, Username
from entrypoints.http.schemas.common import (
    DELIVERABLE,
    HTTP_URL_OR_EMPTY,
    IS_NONE,
    NO_NUL,
    NotBool,
    Page,
    refuse_null,
    stripped_at_least,
)

NameField = Annotated[
    str,
    Field(
        min_length=DisplayName.MIN_LEN,
        max_length=DisplayName.MAX_LEN,
        pattern=stripped_at_least(DisplayName.MIN_LEN),
        description="stripped; must show a visible character (not only spaces or marks)",
        examples=["Ada"],
    ),
]
AgeField = Annotated[int, Field(ge=Age.MIN, le=Age.MAX, examples=[36]), NotBool]
PasswordField = Annotated[
    str,
    Field(
        min_length=PasswordPolicy.DEFAULT_MIN_LEN,
        max_length=RawPassword.MAX_LEN,
        pattern=NO_NUL,
        description=(
            "at least FOLIO_PASSWORD_MIN_LENGTH characters (10 unless configured) after NFKC; "
            "refused (422, saying why) when it is a common password or contains your e-mail "
            "address's local part, username or name"
        ),
    ),
]
BioField = Annotated[
    str,
    Field(
        max_length=Bio.MAX_LEN,
        pattern=NO_NUL,
        description="a short text about the user; empty clears it",
        examples=["I write about engines."],
    ),
]
ImageField = Annotated[
    str,
    Field(
        max_length=ImageUrl.MAX_LEN,
        pattern=HTTP_URL_OR_EMPTY,
        description="an absolute http(s) URL of a picture (no other scheme); empty clears it",
        examples=["https://example.com/ada.png"],
    ),
]
PRIVATE = "only for the user themself and for admins (left out for anyone else)"
PRIVATE_FIELDS = ("age", "role", "is_active")

UsernameField = Annotated[
    str,
    Field(
        pattern=Username.PATTERN,
        description="kept as written; unique whatever its case (Ada and ada are one handle)",
    ),
]


class RegisterUserIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "email": "ada@example.com",
                    "name": "Ada Lovelace",
                    "password": "correct horse battery",
                    "age": 36,
                    "username": "ada",
                }
            ]
        },
    )

    email: Annotated[EmailStr, Field(max_length=Email.MAX_LEN, description=DELIVERABLE)]
    name: NameField
    password: PasswordField
    age: AgeField | None = None
    username: UsernameField | None = Field(
        default=None, description="derived from the e-mail when left out; unique in any case"
    )
    bio: BioField | None = None
    image: ImageField | None = None


class UpdateProfileIn(BaseModel):
    """PATCH: a field left out stays as it is; null clears an optional field (``age``, ``bio``,
    ``image``; so does an empty ``bio`` or ``image``); ``name``, ``username`` and
    ``email_notifications`` may not be null."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Ada King",
                    "age": 37,
                    "bio": "Countess.",
                    "image": "https://example.com/a.png",
                }
            ]
        },
    )

    name: NameField | SkipJsonSchema[None] = None
    age: AgeField | None = None
    bio: BioField | None = None
    image: ImageField | None = None
    email_notifications: StrictBool | SkipJsonSchema[None] = Field(
        default=None, description="false stops notification e-mails (the inbox still fills)"
    )
    username: UsernameField | SkipJsonSchema[None] = None

    _present_means_set = field_validator("name", "username", "email_notifications")(refuse_null)

    def changes(self) -> dict[str, Any]:
        """The command's fields: null bio or image as the empty string that clears it, a null
        age named in ``clear``."""
        fields = self.model_dump(exclude_unset=True)
        for optional in ("bio", "image"):
            if optional in fields and fields[optional] is None:
                fields[optional] = ""
        cleared = {name for name, value in fields.items() if value is None}
        return {
            **{k: v for k, v in fields.items() if v is not None},
            "clear": frozenset(cleared),
        }


class ChangePasswordIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"current_password": "correct horse battery", "new_password": "battery staple 42"}
            ]
        },
    )

    current_password: str = Field(min_length=1, max_length=RawPassword.MAX_LEN)
    new_password: PasswordField


class ChangeEmailIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"email": "ada.king@example.com", "password": "correct horse battery"}]
        },
    )

    email: Annotated[EmailStr, Field(max_length=Email.MAX_LEN, description=DELIVERABLE)]
    password: str = Field(min_length=1, max_length=RawPassword.MAX_LEN)


class DeleteAccountIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"password": "correct horse battery"}]},
    )

    password: str = Field(min_length=1, max_length=RawPassword.MAX_LEN)


class UserOut(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "6f1c2b9e-3d4a-4c5b-9e8f-7a6b5c4d3e2f",
                    "username": "ada",
                    "name": "Ada Lovelace",
                    "age": 36,
                    "role": "user",
                    "is_active": True,
                    "created_at": "2025-01-01T12:00:00Z",
                    "email": "ada@example.com",
                }
            ]
        },
    )

    id: UUID
    username: str
    name: str
    age: int | None = Field(default=None, description=PRIVATE)
    role: Role | None = Field(default=None, description=PRIVATE)
    is_active: bool | None = Field(default=None, description=PRIVATE)
    created_at: datetime
    bio: str | None = None
    image: str | None = None
    email: str | None = Field(
        default=None,
        exclude_if=IS_NONE,
        description="present only for the user themself and for admins",
    )
    email_notifications: bool | None = Field(
        default=None,
        exclude_if=IS_NONE,
        description="whether notification e-mails are sent; only for the user and admins",
    )
    email_verified: bool | None = Field(
        default=None,
        exclude_if=IS_NONE,
        description="whether the e-mail address is verified; only for the user and admins",
    )
    posts_per_day: int | None = Field(
        default=None,
        exclude_if=IS_NONE,
        description="the posting limit an admin set (posts in any 24 hours); only for the "
        "user and admins, absent when there is none",
    )

    # Whether the viewer is the user or an admin; never serialised. Other callers get the
    # public profile only: the private fields are left out, not sent as null.
    private: bool = Field(default=True, exclude=True)

    # No return annotation on purpose: pydantic then documents the serialised shape as the
    # model's own fields (an annotation would replace it in the OpenAPI schema).
    @model_serializer(mode="wrap")
    def _public_profile_for_others(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        data = handler(self)
        if not self.private and isinstance(data, dict):
            for name in PRIVATE_FIELDS:
                data.pop(name, None)
        return data


class UserPage(Page[UserOut]):
    pass
