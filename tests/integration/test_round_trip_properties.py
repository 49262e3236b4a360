"""Generated users and posts survive entity -> row -> entity through the real mapping and a real
database: a mapper that drops or bends a field fails here first."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from itertools import count
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.errors import InvalidValue
from domain.posts.policy import ContentPolicy
from domain.posts.values import Content, Tags, Title
from domain.roles import Role
from domain.users.values import DisplayName, Email
from tests.builders import make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import assert_utc, state_of

ROUND_TRIPS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ANY_TITLE = ContentPolicy.of([])
UNIQUE = count()  # e-mails, usernames and slugs must not clash across examples

# Anything a client could send; PostgreSQL cannot store NUL, surrogates are not text.
text_chars = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
visible_chars = st.characters(exclude_categories=["C", "Z"], exclude_characters="@")


def valid(kind: Callable[[Any], Any], raw: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Values ``kind`` accepts, built by it (normalised as the domain normalises them)."""

    def build(value: Any) -> Any:
        try:
            return kind(value)
        except InvalidValue:
            return None

    return raw.map(build).filter(lambda built: built is not None)


moments = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-9, minutes=-30))]
    ),
)
users = st.fixed_dictionaries(
    {
        "email": valid(
            Email,
            st.builds(
                "{}@{}.io".format,
                st.text(visible_chars, min_size=1, max_size=40),
                st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
            ),
        ),
        "username": st.from_regex(r"[a-z0-9_-]{3,20}", fullmatch=True),
        "name": valid(DisplayName, st.text(text_chars, min_size=2, max_size=100)),
        "age": st.none() | st.integers(0, 150),
        "role": st.sampled_from(Role),
        "is_active": st.booleans(),
        "email_verified_at": st.none() | moments,
        "password_hash": st.text(text_chars, max_size=255),
        "created_at": moments,
        "updated_at": moments,
    }
)
posts = st.fixed_dictionaries(
    {
        "title": valid(Title, st.text(text_chars, min_size=5, max_size=200)),
        "slug": st.from_regex(r"[a-z0-9]{1,40}(-[a-z0-9]{1,10}){0,5}", fullmatch=True),
        "content": valid(Content, st.text(text_chars, min_size=10, max_size=3000)),
        "tags": valid(Tags.of, st.lists(st.text(text_chars, min_size=1, max_size=30), max_size=10)),
        "created_at": moments,
        "updated_at": moments,
        "published_at": st.none() | moments,
    }
)


@ROUND_TRIPS
@given(fields=users)
async def test_any_user_round_trips(new_sql_uow: UowFactory, fields: dict[str, Any]) -> None:
    n = next(UNIQUE)
    user = make_user(
        **{
            **fields,
            "email": f"{n}.{fields['email'].value}",
            "username": f"{fields['username']}-{n}",
        }
    )

    async with new_sql_uow() as uow:
        uow.users.add(user)
        await uow.commit()
    async with new_sql_uow() as uow:
        found = await uow.users.get(user.id)

    assert found is not None
    assert state_of(found) == state_of(user)
    assert_utc(found.created_at, found.updated_at)


@ROUND_TRIPS
@given(fields=posts)
async def test_any_post_round_trips(new_sql_uow: UowFactory, fields: dict[str, Any]) -> None:
    author = make_user()
    slug = f"{fields['slug']}-{next(UNIQUE)}"
    post = make_post(author_id=author.id, policy=ANY_TITLE, **{**fields, "slug": slug})

    async with new_sql_uow() as uow:
        uow.users.add(author)
        uow.posts.add(post)
        await uow.commit()
    async with new_sql_uow() as uow:
        found = await uow.posts.get(post.id)

    assert found is not None
    assert state_of(found) == state_of(post)
    assert_utc(found.created_at, found.updated_at, found.published_at)
