"""``{"user": ...}``: registration, login, update, and the user as RealWorld shows it."""

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from application.users.views import UserView
from domain.users.password_policy import PasswordPolicy
from domain.users.values import Bio, Email, ImageUrl, RawPassword, Username
from entrypoints.http.schemas.common import HTTP_URL_OR_EMPTY, NO_NUL, stripped_at_least
from entrypoints.realworld.schemas.common import BLANK_MESSAGE, In, Required, documented, stripped

EmailField = Annotated[
    Required,
    documented(
        description=(
            "an e-mail address (name@domain.tld, at most "
            f"{Email.MAX_LEN} characters), compared whatever its case"
        )
    ),
]
UsernameField = Annotated[
    Required,
    documented(
        pattern=stripped(Username.PATTERN),
        description="stripped; kept as written; unique whatever its case",
    ),
]
PASSWORD_RULES = (
    f"at least {PasswordPolicy.DEFAULT_MIN_LEN} characters (FOLIO_PASSWORD_MIN_LENGTH) after "
    f"NFKC, at most {RawPassword.MAX_LEN}; refused (422, saying why) when it is a common "
    "password or contains your e-mail address's local part, username or name"
)
PasswordField = Annotated[
    Required,
    documented(
        minLength=PasswordPolicy.DEFAULT_MIN_LEN,
        maxLength=RawPassword.MAX_LEN,
        pattern=stripped_at_least(1),
        description=PASSWORD_RULES,
    ),
]


class NewUser(In):
    username: UsernameField
    email: EmailField
    password: PasswordField


class NewUserIn(In):
    user: NewUser


class LoginUser(In):
    email: Required
    password: Required


class LoginIn(In):
    user: LoginUser


class UpdateUser(In):
    """Fields left out (or null) stay as they are; an empty ``bio`` or ``image`` clears it;
    an empty ``password`` is no change (front ends' settings forms send one). At least one of
    them is given."""

    FIELDS: ClassVar[tuple[str, ...]] = ("email", "username", "password", "bio", "image")

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": [field]} for field in FIELDS]}
    )

    email: EmailField | None = None
    username: UsernameField | None = None
    password: (
        Annotated[
            str,
            documented(
                maxLength=RawPassword.MAX_LEN,
                pattern=f"^([^\\x00]{{{PasswordPolicy.DEFAULT_MIN_LEN},}})?$",
                description=f"empty: no change; else {PASSWORD_RULES}",
            ),
        ]
        | None
    ) = None
    bio: (
        Annotated[
            str,
            Field(max_length=Bio.MAX_LEN),
            documented(pattern=NO_NUL, description="empty clears it"),
        ]
        | None
    ) = None
    image: (
        Annotated[
            str,
            Field(max_length=ImageUrl.MAX_LEN),
            documented(
                pattern=stripped(HTTP_URL_OR_EMPTY),
                description="an absolute http(s) URL of a picture (no other scheme); empty: none",
            ),
        ]
        | None
    ) = None

    @model_validator(mode="after")
    def _something_to_change(self) -> "UpdateUser":
        if not self.model_fields_set & set(self.FIELDS):
            raise PydanticCustomError("blank", BLANK_MESSAGE)
        return self


class UpdateUserIn(In):
    user: UpdateUser


class UserOut(BaseModel):
    """``bio`` and ``image`` are strings, empty when unset: openapi.yml has them as required
    strings, never null."""

    email: str
    token: str
    username: str
    bio: str
    image: str

    @classmethod
    def of(cls, view: UserView, token: str) -> "UserOut":
        return cls(
            email=view.email or "",
            token=token,
            username=view.username,
            bio=view.bio or "",
            image=view.image or "",
        )


class UserEnvelope(BaseModel):
    user: UserOut
