from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import jwt
import pytest

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from application.errors import InvalidToken
from domain.ids import UserId

SECRET = "jwt-test-secret-" + "0123456789abcdef" * 4  # long enough for HS512 too
USER = UserId(UUID("12345678-1234-4234-8234-123456789abc"))


def make_service(**overrides: Any) -> JwtTokenService:
    return JwtTokenService(JwtParameters(**{"secret": SECRET, **overrides}))


def make_claims(**overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": str(USER),
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": "some-id",
        "iss": "folio",
        "aud": "folio-api",
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def test_an_issued_token_reads_back_as_its_user():
    service = make_service(lifetime=timedelta(minutes=10))

    token = service.issue(USER)

    assert service.read(token.token) == USER
    assert (token.token_type, token.expires_in) == ("bearer", 600)


def test_a_hand_made_token_with_every_claim_is_accepted():
    token = jwt.encode(make_claims(), SECRET, algorithm="HS256")

    assert make_service().read(token) == USER


def test_tokens_are_unique_even_for_the_same_user_and_second():
    service = make_service()

    assert service.issue(USER).token != service.issue(USER).token


@pytest.mark.parametrize(
    "issued_with",
    [
        pytest.param({"lifetime": timedelta(seconds=-1)}, id="expired"),
        pytest.param({"secret": SECRET[::-1]}, id="wrong-secret"),
        pytest.param({"audience": "someone-else"}, id="wrong-audience"),
        pytest.param({"issuer": "evil"}, id="wrong-issuer"),
        pytest.param({"algorithm": "HS512"}, id="other-algorithm"),
    ],
)
def test_a_token_from_a_differently_configured_service_is_refused(issued_with: dict[str, Any]):
    token = make_service(**issued_with).issue(USER).token

    with pytest.raises(InvalidToken):
        make_service().read(token)


@pytest.mark.parametrize("claim", ["sub", "exp", "iat", "jti", "iss", "aud"])
def test_a_token_missing_a_required_claim_is_refused(claim: str):
    token = jwt.encode(make_claims(**{claim: None}), SECRET, algorithm="HS256")

    with pytest.raises(InvalidToken):
        make_service().read(token)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(jwt.encode(make_claims(), None, algorithm="none"), id="alg-none"),
        pytest.param(jwt.encode(make_claims(sub="not-a-uuid"), SECRET), id="sub-not-a-uuid"),
        pytest.param(jwt.encode(make_claims(sub=12345), SECRET), id="sub-not-a-string"),
        pytest.param("", id="empty"),
        pytest.param("not.a.token", id="garbage"),
    ],
)
def test_forged_or_malformed_tokens_are_refused(token: str):
    with pytest.raises(InvalidToken):
        make_service().read(token)


def test_a_valid_token_tells_when_it_expires():
    service = make_service(lifetime=timedelta(minutes=7))
    before = datetime.now(UTC)

    expires_at = service.expires_at(service.issue(USER).token)

    assert before + timedelta(minutes=7) - timedelta(seconds=1) <= expires_at
    assert expires_at <= datetime.now(UTC) + timedelta(minutes=7)


def test_only_a_valid_token_tells_when_it_expires():
    forged = jwt.encode(make_claims(), "another-secret-" + "x" * 40, algorithm="HS256")

    with pytest.raises(InvalidToken):
        make_service().expires_at(forged)
