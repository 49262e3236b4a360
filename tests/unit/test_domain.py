"""The aggregates' own rules, without any use case around them."""

from datetime import timedelta
from uuid import UUID

import pytest

from application.pagination import PageRequest
from domain.errors import ContentPolicyViolation, InvalidValue, PermissionDenied
from domain.ids import PostId, UserId
from domain.posts.policy import ContentPolicy
from domain.posts.post import Post
from domain.posts.values import Content, Slug, Tags, Title
from domain.roles import Actor, Role
from domain.users.user import User
from domain.users.values import DisplayName, Email, RawPassword, Username
from tests.unit.fakes import START

AUTHOR = Actor(UserId(UUID(int=1)), Role.USER)
STRANGER = Actor(UserId(UUID(int=2)), Role.USER)
ADMIN = Actor(UserId(UUID(int=3)), Role.ADMIN)
LATER = START + timedelta(hours=1)


def make_post(**overrides: object) -> Post:
    values: dict[str, object] = {
        "id": PostId(UUID(int=100)),
        "author_id": AUTHOR.id,
        "title": Title("A fine title"),
        "slug": Slug("a-fine-title"),
        "content": Content("Some fine content."),
        "tags": Tags.of(["one"]),
        "policy": ContentPolicy.of(),
        "now": START,
    }
    values.update(overrides)
    return Post.write(**values)  # type: ignore[arg-type]


def make_user(**overrides: object) -> User:
    values: dict[str, object] = {
        "id": AUTHOR.id,
        "email": Email("ada@example.com"),
        "username": Username("ada"),
        "name": DisplayName("Ada"),
        "password_hash": "hash",
        "now": START,
    }
    values.update(overrides)
    return User.register(**values)  # type: ignore[arg-type]


def test_aggregates_are_equal_by_id():
    assert make_user() == make_user(name=DisplayName("Someone else"))
    assert make_user() != make_user(id=STRANGER.id)
    assert make_post() == make_post(title=Title("Other title"))
    assert len({make_post(), make_post()}) == 1


def test_pulled_events_are_handed_over_once():
    user = make_user()

    assert [event.name for event in user.pull_events()] == ["user_registered"]
    assert user.pull_events() == []


def test_publishing_twice_keeps_the_first_date_and_records_once():
    post = make_post()

    post.publish(now=START)
    post.publish(now=LATER)

    assert post.published_at == START
    assert [event.name for event in post.pull_events()] == ["post_published"]


def test_unpublishing_makes_a_draft():
    post = make_post(publish=True)

    post.unpublish(now=LATER)

    assert (post.is_published, post.updated_at) == (False, LATER)


@pytest.mark.parametrize(
    ("published", "viewer", "visible"),
    [
        pytest.param(True, None, True, id="published-anonymous"),
        pytest.param(False, AUTHOR, True, id="draft-author"),
        pytest.param(False, STRANGER, False, id="draft-stranger"),
        pytest.param(False, ADMIN, False, id="draft-admin"),
        pytest.param(False, None, False, id="draft-anonymous"),
    ],
)
def test_visibility(published: bool, viewer: Actor | None, visible: bool):
    assert make_post(publish=published).is_visible_to(viewer) is visible


def test_only_the_author_may_edit():
    post = make_post()

    post.ensure_editable_by(AUTHOR)
    for actor in (STRANGER, ADMIN):
        with pytest.raises(PermissionDenied):
            post.ensure_editable_by(actor)


def test_the_author_or_an_admin_may_delete():
    post = make_post()

    post.ensure_deletable_by(AUTHOR)
    post.ensure_deletable_by(ADMIN)
    with pytest.raises(PermissionDenied):
        post.ensure_deletable_by(STRANGER)


def test_writing_and_editing_check_the_content_policy():
    policy = ContentPolicy.of([" Forbidden ", "", "  "])

    assert policy.banned_words == frozenset({"forbidden"})
    with pytest.raises(ContentPolicyViolation):
        make_post(title=Title("Truly FORBIDDEN words"), policy=policy)
    post = make_post(policy=policy)
    with pytest.raises(ContentPolicyViolation):
        post.edit(title=Title("forbidden!"), policy=policy, now=LATER)
    assert post.title == Title("A fine title")


def test_deactivation_records_once():
    user = make_user()
    user.pull_events()

    user.deactivate(now=LATER)
    user.deactivate(now=LATER)

    assert [event.name for event in user.pull_events()] == ["user_deactivated"]


def test_actor_sees_private_fields_of_self_or_as_admin():
    assert AUTHOR.may_see_private_fields_of(AUTHOR.id)
    assert ADMIN.may_see_private_fields_of(AUTHOR.id)
    assert not STRANGER.may_see_private_fields_of(AUTHOR.id)


def test_a_raw_password_never_shows_in_repr():
    assert "hunter22" not in repr(RawPassword("hunter22-hunter22"))


@pytest.mark.parametrize(
    ("skip", "limit", "field"),
    [
        pytest.param(-1, 20, "skip", id="negative-skip"),
        pytest.param(PageRequest.MAX_SKIP + 1, 20, "skip", id="huge-skip"),
        pytest.param(0, 0, "limit", id="zero-limit"),
        pytest.param(0, PageRequest.MAX_LIMIT + 1, "limit", id="huge-limit"),
    ],
)
def test_page_requests_are_bounded(skip: int, limit: int, field: str):
    with pytest.raises(InvalidValue) as raised:
        PageRequest(skip=skip, limit=limit)
    assert raised.value.field == field
