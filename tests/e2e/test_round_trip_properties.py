"""Property: whatever valid name, title, content and tags, register -> log in -> create ->
read gives back what the domain makes of them. One app serves every example."""

from httpx import AsyncClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.errors import InvalidValue
from domain.posts.policy import ContentPolicy
from domain.posts.values import Content, Tag, Tags, Title
from domain.users.values import DisplayName
from tests.e2e.helpers import bearer, register

POLICY = ContentPolicy.of()


def _valid(value_object: type, text: str) -> bool:
    try:
        value_object(text)
    except InvalidValue:
        return False
    return True


def _publishable(text: str) -> bool:
    try:
        POLICY.check_title(Title(text))
    except InvalidValue:
        return False
    return True


names = st.text(min_size=DisplayName.MIN_LEN, max_size=DisplayName.MAX_LEN).filter(
    lambda text: _valid(DisplayName, text)
)
titles = st.text(min_size=Title.MIN_LEN, max_size=Title.MAX_LEN).filter(_publishable)
contents = st.text(min_size=Content.MIN_LEN, max_size=400).filter(
    lambda text: _valid(Content, text)
)
tags = st.lists(
    st.text(min_size=Tag.MIN_LEN, max_size=Tag.MAX_LEN).filter(lambda text: _valid(Tag, text)),
    max_size=Tags.MAX_COUNT,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=names, title=titles, content=contents, raw_tags=tags, published=st.booleans())
async def test_what_is_written_is_read_back(
    client: AsyncClient,
    name: str,
    title: str,
    content: str,
    raw_tags: list[str],
    published: bool,
) -> None:
    user = await register(client, name=name)
    headers = await bearer(client, user["email"])
    assert user["name"] == DisplayName(name).value

    body = {"title": title, "content": content, "tags": raw_tags, "published": published}
    created = await client.post("/posts", json=body, headers=headers)
    assert created.status_code == 201, created.text
    post = created.json()

    read = await client.get(f"/posts/{post['id']}", headers=headers)
    assert read.json() == post
    assert (post["title"], post["content"], post["published"]) == (
        Title(title).value,
        content,
        published,
    )
    assert post["tags"] == Tags.of(raw_tags).as_strings()
    assert post["author_id"] == user["id"]
    assert (await client.get(f"/users/{user['id']}")).json()["name"] == DisplayName(name).value
