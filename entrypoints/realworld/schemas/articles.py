"""``{"article": ...}`` and ``{"articles": [...], "articlesCount": n}``."""

from typing import Annotated, Any

from pydantic import BaseModel, Field

from application.pagination import Page
from application.posts.views import PostView
from domain.posts.values import Content, Description, Tag, Tags, Title
from entrypoints.http.schemas.common import NO_NUL, NOT_BLANK
from entrypoints.realworld.responses import timestamp
from entrypoints.realworld.schemas.common import In, Required, documented, text_of
from entrypoints.realworld.schemas.profiles import ProfileOut, profile_of

TagList = list[str]
TitleField = Annotated[
    Required,
    Field(max_length=Title.MAX_LEN),
    text_of(Title.MIN_LEN),
    documented(description=f"stripped; then {Title.MIN_LEN} to {Title.MAX_LEN} characters"),
]
DescriptionField = Annotated[
    str, Field(max_length=Description.MAX_LEN), documented(pattern=NO_NUL, description="stripped")
]
BodyField = Annotated[
    Required,
    Field(max_length=Content.MAX_LEN),
    text_of(Content.MIN_LEN),
    documented(description=f"kept as written; at least {Content.MIN_LEN} characters stripped"),
]
TagListField = Annotated[
    list[
        Annotated[
            str,
            Field(max_length=Tag.MAX_LEN),
            documented(minLength=Tag.MIN_LEN, pattern=NOT_BLANK),
        ]
    ],
    Field(max_length=Tags.MAX_COUNT),
    documented(
        description=(
            "de-duplicated; each stripped and case-folded (Unicode: ß becomes ss), then "
            f"{Tag.MIN_LEN} to {Tag.MAX_LEN} characters (a longer folded tag is a 422)"
        )
    ),
]


class NewArticle(In):
    title: TitleField
    description: DescriptionField
    body: BodyField
    tagList: TagListField = Field(default_factory=list)


class NewArticleIn(In):
    article: NewArticle


class UpdateArticle(In):
    """Fields left out stay as they are. ``tagList`` is not in the specification's body, but
    front ends' editors send it, so it retags."""

    title: TitleField | None = None
    description: DescriptionField | None = None
    body: BodyField | None = None
    tagList: TagListField | None = None


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
    next_cursor: str | None = Field(
        None,
        description=(
            "Folio's extension, only while another page follows: pass it back as `cursor` "
            "(same filters, no offset) for the next page"
        ),
    )


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
    """The specification's envelope, and Folio's ``next_cursor`` while another page follows
    (left out on the last page, so a short list is the specification's envelope exactly)."""
    envelope: dict[str, Any] = {
        "articles": [article_of(view, with_body=False) for view in page.items],
        "articlesCount": page.total,
    }
    if page.next_cursor is not None:
        envelope["next_cursor"] = page.next_cursor
    return envelope
