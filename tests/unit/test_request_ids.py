"""A request id the middleware makes is what ``uuid.uuid4().hex`` would make of the same
random bytes."""

import uuid
from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from entrypoints.http import middleware


@given(st.binary(min_size=16, max_size=16))
def test_a_new_request_id_is_a_uuid4_of_the_same_bytes(random: bytes):
    with patch.object(middleware.os, "urandom", lambda size: random[:size]):
        made = middleware.new_request_id()

    assert made == uuid.UUID(bytes=random, version=4).hex


def test_new_request_ids_differ():
    assert middleware.new_request_id() != middleware.new_request_id()
