"""``{"article": ...}`` and ``{"articles": [...], "articlesCount": n}``."""

from typing import Any

from pydantic import BaseModel, Field

from application.pagination import Page
from application.posts.views import PostView
from domain.posts.values import Description, Tags
from entrypoints.realworld.responses import timestamp
from entrypoints.realworld.schemas.common import In, Required
from entrypoints.realworld.schemas.profiles import ProfileOut, profile_of

TagList = list[str]


class NewArticle(In):
    title: Required
    description: str = Field(max_length=Description.MAX_LEN)
    body: Required
    tagList: TagList = Field(default_factory=list, max_length=Tags.MAX_COUNT)


class NewArticleIn(In):
    article: NewArticle


class UpdateArticle(In):
    """Fields left out stay as they are. ``tagList`` is not in the specification's body, but
    front ends' editors send it, so it retags."""

    title: Required | None = None
    description: str | None = Field(default=None, max_length=Description.MAX_LEN)
    body: Required | None = None
    tagList: TagList | None = Field(default=None, max_length=Tags.MAX_COUNT)


class UpdateArticleIn(In):
    article: UpdateArticle


class ArticleInList(BaseModel):
    slug: str
    title: str
    description: str
    tagList: TagList
    createdAt: str
    updatedAt: str
    favorited: bool
    favoritesCount: int
    author: ProfileOut


class ArticleOut(ArticleInList):
    body: str


class ArticleEnvelope(BaseModel):
    article: ArticleOut


class ArticlesEnvelope(BaseModel):
    articles: list[ArticleInList]
    articlesCount: int


def article_of(view: PostView, *, with_body: bool = True) -> dict[str, Any]:
    """A post as a RealWorld article; lists leave the body out, as the specification says."""
    article: dict[str, Any] = {
        "slug": view.slug,
        "title": view.title,
        "description": view.description,
        "tagList": view.tags,
        "createdAt": timestamp(view.created_at),
        "updatedAt": timestamp(view.updated_at),
        "favorited": view.favorited,
        "favoritesCount": view.favorites_count,
        "author": profile_of(view.author),
    }
    if with_body:
        article["body"] = view.content
    if view.hidden:  # only its author sees a hidden post
        article |= {"hidden": True, "hiddenReason": view.hidden_reason}
    return article


def articles_of(page: Page[PostView]) -> dict[str, Any]:
    return {
        "articles": [article_of(view, with_body=False) for view in page.items],
        "articlesCount": page.total,
    }
