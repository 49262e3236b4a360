import pytest

from application.errors import PostNotFound
from application.posts.update_post import UpdatePostCommand
from domain.errors import ContentPolicyViolation, InvalidValue, PermissionDenied
from domain.posts.values import Tags
from tests.unit.harness import Folio, register, register_admin, write_post


async def test_the_author_edits_title_and_content_and_the_slug_stays(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, title="Original title")
    later = folio.clock.advance()

    view = await folio.update_post(
        ada, post.id, UpdatePostCommand(title=" Better title ", content="Entirely new words.")
    )

    stored = folio.store.posts[post.id]
    assert (stored.title.value, stored.content.value) == ("Better title", "Entirely new words.")
    assert stored.slug.value == "original-title"
    assert stored.updated_at == later
    assert view.title == "Better title"


async def test_fields_left_out_stay_as_they_are(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, tags=["keep"], published=True)

    view = await folio.update_post(ada, post.id, UpdatePostCommand())

    assert (view.title, view.content, view.tags, view.published) == (
        post.title,
        post.content,
        ["keep"],
        True,
    )


async def test_publishing_a_draft_announces_it_once(folio: Folio):
    ada = await register(folio, "ada")
    draft = await write_post(folio, ada)
    later = folio.clock.advance()

    view = await folio.update_post(ada, draft.id, UpdatePostCommand(published=True))
    await folio.update_post(ada, draft.id, UpdatePostCommand(published=True))

    assert (view.published, view.published_at) == (True, later)
    assert folio.event_names().count("post_published") == 1


async def test_unpublishing_makes_the_post_a_draft_again(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    post = await write_post(folio, ada, published=True)

    view = await folio.update_post(ada, post.id, UpdatePostCommand(published=False))

    assert (view.published, view.published_at) == (False, None)
    assert not folio.store.posts[post.id].is_published
    with pytest.raises(PostNotFound):
        await folio.get_post(post.id, bob)


async def test_retagging_replaces_the_tags_normalised(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, tags=["old"])

    view = await folio.update_post(ada, post.id, UpdatePostCommand(tags=["New", " NEW", "two"]))

    assert view.tags == ["new", "two"]
    assert folio.store.posts[post.id].tags == Tags.of(["new", "two"])


async def test_a_banned_word_in_a_new_title_is_refused_and_nothing_changes(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, title="Innocent title")

    with pytest.raises(ContentPolicyViolation):
        await folio.update_post(
            ada, post.id, UpdatePostCommand(title="Now with SPAM", tags=["x"], published=True)
        )

    stored = folio.store.posts[post.id]
    assert (stored.title.value, stored.tags, stored.is_published) == (
        "Innocent title",
        Tags(),
        False,
    )
    assert "post_published" not in folio.event_names()


@pytest.mark.parametrize(
    ("command", "field"),
    [
        pytest.param(UpdatePostCommand(title="Hey"), "title", id="short-title"),
        pytest.param(UpdatePostCommand(content="tiny"), "content", id="short-content"),
        pytest.param(UpdatePostCommand(tags=[""]), "tags", id="empty-tag"),
    ],
)
async def test_bad_values_are_refused(folio: Folio, command: UpdatePostCommand, field: str):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada)

    with pytest.raises(InvalidValue) as raised:
        await folio.update_post(ada, post.id, command)

    assert raised.value.field == field


@pytest.mark.parametrize(
    "as_admin", [pytest.param(False, id="user"), pytest.param(True, id="admin")]
)
async def test_only_the_author_may_edit_a_published_post(folio: Folio, as_admin: bool):
    ada = await register(folio, "ada")
    other = await register_admin(folio) if as_admin else await register(folio, "bob")
    post = await write_post(folio, ada, title="Ada's own words", published=True)

    with pytest.raises(PermissionDenied):
        await folio.update_post(other, post.id, UpdatePostCommand(title="Hijacked title"))

    assert folio.store.posts[post.id].title.value == "Ada's own words"


async def test_someone_elses_draft_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    draft = await write_post(folio, ada)

    with pytest.raises(PostNotFound):
        await folio.update_post(bob, draft.id, UpdatePostCommand(published=True))

    assert not folio.store.posts[draft.id].is_published
