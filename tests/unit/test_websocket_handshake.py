"""Where a WebSocket client's token may and may not come from."""

import pytest

from entrypoints.http.websocket.handshake import offered_token, token_in_url

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        pytest.param(b"", False, id="none"),
        pytest.param(b"since=2026-01-01", False, id="harmless"),
        pytest.param(b"token=x", True, id="token"),
        pytest.param(b"access_token=x", True, id="access_token"),
        pytest.param(b"Authorization=x", True, id="authorization"),
        pytest.param(b"t=" + TOKEN.encode(), True, id="a-jwt-under-any-name"),
    ],
)
def test_credentials_in_the_url_are_spotted(query: bytes, refused: bool):
    assert token_in_url(query) is refused


@pytest.mark.parametrize(
    ("offers", "expected"),
    [
        pytest.param([], (None, None), id="nothing"),
        pytest.param(["chat"], (None, None), id="no-token"),
        pytest.param(["bearer", TOKEN], (TOKEN, "bearer"), id="bearer-and-token"),
        pytest.param([TOKEN], (TOKEN, TOKEN), id="token-alone"),
        pytest.param([f"bearer.{TOKEN}"], (TOKEN, f"bearer.{TOKEN}"), id="prefixed"),
    ],
)
def test_a_token_may_be_offered_as_a_subprotocol(
    offers: list[str], expected: tuple[str | None, str | None]
):
    assert offered_token(offers) == expected
