"""``{"user": ...}``: registration, login, update, and the user as RealWorld shows it."""

from pydantic import BaseModel

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
        return cls(email=view.email or "", token=token, username=view.username, bio="", image="")


class UserEnvelope(BaseModel):
    user: UserOut
