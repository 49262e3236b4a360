"""An admin's posting limit, enforced by CreatePost over any 24 hours."""

from datetime import timedelta

import pytest

from domain.errors import InvalidValue
from domain.users.limits import PostingLimitReached
from tests.unit.harness import Folio, register, register_admin, write_post


async def test_the_limit_counts_posts_of_the_last_day(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    view = await folio.set_posting_limit(root, ada.id, 2, "flooding")
    assert view.posts_per_day == 2

    await write_post(folio, ada, title="Post one")
    await write_post(folio, ada, title="Post two", published=False)  # drafts count too
    with pytest.raises(PostingLimitReached) as raised:
        await write_post(folio, ada, title="Post three")
    assert "2 posts a day" in str(raised.value)

    folio.clock.advance(timedelta(days=1))
    await write_post(folio, ada, title="Post three")


async def test_zero_forbids_posting_and_none_lifts_the_limit(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    await folio.set_posting_limit(root, ada.id, 0)
    with pytest.raises(PostingLimitReached):
        await write_post(folio, ada)
    await folio.set_posting_limit(root, ada.id, None)
    await write_post(folio, ada)


async def test_other_users_are_not_limited(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    await folio.set_posting_limit(root, ada.id, 0)

    await write_post(folio, bob)


async def test_a_negative_limit_is_invalid(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue):
        await folio.set_posting_limit(root, ada.id, -1)
