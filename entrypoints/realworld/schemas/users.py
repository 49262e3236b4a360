"""``{"user": ...}``: registration, login, update, and the user as RealWorld shows it."""

from pydantic import BaseModel, model_validator
from pydantic_core import PydanticCustomError

from application.users.views import UserView
from entrypoints.realworld.schemas.common import In, Required


class NewUser(In):
    username: Required
    email: Required
    password: Required


class NewUserIn(In):
    user: NewUser


class LoginUser(In):
    email: Required
    password: Required


class LoginIn(In):
    user: LoginUser


class UpdateUser(In):
    """Fields left out (or null) stay as they are; an empty ``bio`` or ``image`` clears it;
    an empty ``password`` is no change (front ends' settings forms send one)."""

    email: Required | None = None
    username: Required | None = None
    password: str | None = None
    bio: str | None = None
    image: str | None = None

    @model_validator(mode="after")
    def _something_to_change(self) -> "UpdateUser":
        if not self.model_fields_set & {"email", "username", "password", "bio", "image"}:
            raise PydanticCustomError("blank", "can't be blank")
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
