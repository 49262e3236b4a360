"""A page of posts, or a post, written straight from the views (schemas/serializers.py) is byte
for byte what validating it into a PostPage (a PostOut) and writing that gives, whatever the
views hold."""

from datetime import UTC, datetime, timedelta, timezone
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.pagination import Page
from application.posts.views import PostView
from application.users.views import AuthorView
from entrypoints.http.schemas.posts import POST_JSON, POST_PAGE_JSON, PostOut, PostPage
from entrypoints.http.schemas.profiles import AuthorOut
from entrypoints.http.schemas.serializers import view_serializer

offsets = st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))])
moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets
)
# Text as stored: UTF-8 (no lone surrogates), no NUL.
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
authors = st.builds(
    AuthorView,
    id=st.uuids(),
    username=texts,
    name=texts,
    bio=st.none() | texts,
    image=st.none() | texts,
    following=st.booleans(),
)
views = st.builds(
    PostView,
    id=st.uuids(),
    author_id=st.uuids(),
    author=authors,
    title=texts,
    slug=texts,
    description=texts,
    content=texts,
    tags=st.lists(texts, max_size=5),
    published=st.booleans(),
    published_at=st.none() | moments,
    created_at=moments,
    updated_at=moments,
    favorited=st.booleans(),
    favorites_count=st.integers(min_value=0, max_value=10**6),
    version=st.integers(min_value=1, max_value=1000),
    hidden_reason=st.none() | texts,
    hidden_at=st.none() | moments,
)
pages = st.builds(
    Page,
    items=st.lists(views, max_size=4),
    total=st.integers(min_value=0, max_value=10**6),
    skip=st.integers(min_value=0, max_value=1000),
    limit=st.integers(min_value=1, max_value=100),
    next_cursor=st.none() | st.text(alphabet="abcXYZ09-_.", max_size=30),
)


@given(pages)
def test_a_page_written_from_its_views_is_the_validated_pages_bytes(page: Page[PostView]):
    model = PostPage.of(page)

    assert POST_PAGE_JSON.to_json(page) == model.__pydantic_serializer__.to_json(model)


@given(views)
def test_a_post_written_from_its_view_is_the_validated_posts_bytes(view: PostView):
    model = PostOut.model_validate(view)

    assert POST_JSON.to_json(view) == model.__pydantic_serializer__.to_json(model)


def test_a_hidden_post_says_so_and_a_shown_one_leaves_the_marks_out():
    at = datetime(2025, 1, 2, tzinfo=UTC)
    author = AuthorView(UUID(int=1), "ada", "Ada", None, None, following=False)
    shown = PostView(
        UUID(int=2), UUID(int=1), author, "T", "t", "", "c", [], True, at, at, at, False, 0, 1
    )
    hidden = PostView(**{**_fields(shown), "hidden_reason": "spam", "hidden_at": at})

    written = POST_PAGE_JSON.to_json(Page([hidden, shown], 2, 0, 20))

    assert written.count(b'"hidden":true,"hidden_reason":"spam","hidden_at"') == 1
    assert written.count(b'"hidden') == 3


def test_a_field_whose_value_a_validator_changes_needs_its_exclude_if():
    with pytest.raises(TypeError, match="changed by a validator"):
        view_serializer(PostOut, {PostOut: PostView, AuthorOut: AuthorView})


def _fields(view: PostView) -> dict[str, object]:
    return {name: getattr(view, name) for name in PostView.__dataclass_fields__}
