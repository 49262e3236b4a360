"""Profiles: users as others see them, with what the caller's follows say about them."""

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class ProfileOut(BaseModel):
    """A user's public profile as the caller sees it."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "6f1c2b9e-3d4a-4c5b-9e8f-7a6b5c4d3e2f",
                    "username": "Ada",
                    "name": "Ada Lovelace",
                    "bio": "I write about engines.",
                    "image": "https://example.com/ada.png",
                    "following": False,
                    "followers_count": 12,
                    "following_count": 3,
                }
            ]
        },
    )

    id: UUID
    username: str
    name: str
    bio: str | None
    image: str | None
    following: bool = Field(description="whether the caller follows this user")
    followers_count: int = Field(ge=0)
    following_count: int = Field(ge=0)


class AuthorOut(BaseModel):
    """The author of a post or comment, as the caller sees them."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    username: str
    name: str
    bio: str | None
    image: str | None
    following: bool = Field(description="whether the caller follows this user")
