import pytest

from domain.errors import ContentPolicyViolation, InvalidValue
from domain.posts.events import PostPublished
from domain.posts.values import Tags
from tests.unit.harness import Folio, register, write_post


async def test_writes_a_draft_with_a_slug_from_the_title(folio: Folio):
    ada = await register(folio, "ada")

    view = await write_post(folio, ada, title="  Héllo, Wörld! Notes  ")

    stored = folio.store.posts[view.id]
    assert stored.slug.value == "hello-world-notes"
    assert stored.title.value == "Héllo, Wörld! Notes"
    assert stored.author_id == ada.id
    assert not stored.is_published
    assert (view.published, view.published_at) == (False, None)
    assert view.created_at == view.updated_at == folio.clock.now()


async def test_a_title_without_slug_characters_gets_the_fallback_slug(folio: Folio):
    ada = await register(folio, "ada")

    view = await write_post(folio, ada, title="¿¡ !? ¡¿")

    assert view.slug == "post"


async def test_posts_with_the_same_title_get_unique_slugs(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")

    first = await write_post(folio, ada, title="Hello World")
    second = await write_post(folio, bob, title="hello, world")
    third = await write_post(folio, ada, title="Hello World")

    assert first.slug == "hello-world"
    assert second.slug == f"hello-world-{second.id.hex[:8]}"
    assert third.slug == f"hello-world-{third.id.hex[:8]}"
    assert len({p.slug for p in folio.store.posts.values()}) == 3


async def test_a_title_that_names_a_route_gets_the_posts_suffix(folio: Folio):
    ada = await register(folio, "ada")

    view = await write_post(folio, ada, title="Feed!")

    assert view.slug == f"feed-{view.id.hex[:8]}"


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Buy cheap SPAM today", id="upper-case"),
        pytest.param("spam, spam and eggs", id="with-punctuation"),
        pytest.param("The xxx files", id="other-word"),
    ],
)
async def test_a_banned_word_in_the_title_is_refused(folio: Folio, title: str):
    ada = await register(folio, "ada")

    with pytest.raises(ContentPolicyViolation) as raised:
        await write_post(folio, ada, title=title, published=True)

    assert raised.value.field == "title"
    assert folio.store.posts == {}
    assert "post_published" not in folio.event_names()


async def test_a_banned_word_inside_another_word_is_allowed(folio: Folio):
    ada = await register(folio, "ada")

    view = await write_post(folio, ada, title="Spammers and their ways")

    assert view.slug == "spammers-and-their-ways"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"title": "Hi"}, "title", id="short-title"),
        pytest.param({"title": "t" * 201}, "title", id="long-title"),
        pytest.param({"content": "   short   "}, "content", id="short-content"),
        pytest.param({"content": "c" * 100_000 + "\n"}, "content", id="long-content-as-written"),
        pytest.param({"tags": ["ok", "  "]}, "tags", id="blank-tag"),
        pytest.param({"tags": ["t" * 31]}, "tags", id="long-tag"),
        pytest.param({"tags": [f"t{n}" for n in range(11)]}, "tags", id="too-many-tags"),
    ],
)
async def test_bad_input_is_refused_naming_the_field(
    folio: Folio, overrides: dict[str, object], field: str
):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue) as raised:
        await write_post(folio, ada, **overrides)

    assert raised.value.field == field
    assert folio.store.posts == {}


async def test_tags_are_normalised_deduplicated_in_first_order(folio: Folio):
    ada = await register(folio, "ada")

    view = await write_post(folio, ada, tags=[" Python ", "fastapi", "PYTHON", "DDD"])

    assert view.tags == ["python", "fastapi", "ddd"]
    assert folio.store.posts[view.id].tags == Tags.of(["python", "fastapi", "ddd"])


async def test_eleven_tags_of_which_ten_distinct_are_accepted(folio: Folio):
    ada = await register(folio, "ada")
    tags = [f"t{n}" for n in range(10)] + ["T0"]

    view = await write_post(folio, ada, tags=tags)

    assert len(view.tags) == 10


async def test_publishing_at_once_announces_the_post(folio: Folio):
    ada = await register(folio, "ada")

    view = await write_post(folio, ada, title="Fresh News Today", published=True)

    assert view.published
    assert view.published_at == folio.clock.now()
    assert folio.publisher.recent[-1] == PostPublished(
        occurred_at=folio.clock.now(),
        post_id=view.id,
        author_id=ada.id,
        slug="fresh-news-today",
        title="Fresh News Today",
    )


async def test_a_draft_announces_nothing(folio: Folio):
    ada = await register(folio, "ada")
    folio.publisher.recent.clear()

    await write_post(folio, ada)

    assert folio.event_names() == []
