"""``{"profile": ...}``, and the author inside articles and comments."""

from typing import Any, Protocol

from pydantic import BaseModel


class _Shown(Protocol):
    @property
    def username(self) -> str: ...
    @property
    def bio(self) -> str | None: ...
    @property
    def image(self) -> str | None: ...
    @property
    def following(self) -> bool: ...


class ProfileOut(BaseModel):
    """``bio`` and ``image`` are strings, empty when unset (openapi.yml: required strings)."""

    username: str
    bio: str
    image: str
    following: bool


class ProfileEnvelope(BaseModel):
    profile: ProfileOut


def profile_of(view: _Shown) -> dict[str, Any]:
    """A profile or an author view as RealWorld shows it (a plain dict: lists stay cheap)."""
    return {
        "username": view.username,
        "bio": view.bio or "",
        "image": view.image or "",
        "following": view.following,
    }
