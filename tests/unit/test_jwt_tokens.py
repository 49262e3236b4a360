from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import jwt
import pytest

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from adapters.security.keys import hmac_key
from application.errors import InvalidToken
from application.ports.security import AccessClaims
from domain.ids import SessionId, UserId

SECRET = "jwt-test-secret-" + "0123456789abcdef" * 4  # long enough for HS512 too
USER = UserId(UUID("12345678-1234-4234-8234-123456789abc"))
SESSION = SessionId(UUID("87654321-1234-4234-8234-123456789abc"))
KID = hmac_key(SECRET).kid
AT_JWT = {"typ": "at+jwt", "kid": KID}


def make_service(**overrides: Any) -> JwtTokenService:
    values = {"secret": SECRET, **overrides}
    return JwtTokenService(JwtParameters.hmac(values.pop("secret"), **values))


def make_claims(**overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": str(USER),
        "sid": str(SESSION),
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

    token = service.issue(USER, SESSION)

    assert service.read(token.token) == AccessClaims(USER, SESSION)
    assert (token.token_type, token.expires_in) == ("bearer", 600)
    assert jwt.get_unverified_header(token.token)["typ"] == "at+jwt"


def test_a_hand_made_token_with_every_claim_is_accepted():
    token = jwt.encode(make_claims(), SECRET, algorithm="HS256", headers=AT_JWT)

    assert make_service().read(token) == AccessClaims(USER, SESSION)


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"typ": None}, id="untyped"),
        pytest.param({"typ": "JWT"}, id="plain-jwt"),
        pytest.param({"typ": "refresh+jwt"}, id="another-type"),
        pytest.param({"typ": "AT+JWT "}, id="near-miss"),
    ],
)
def test_a_token_that_is_not_typed_as_an_access_token_is_refused(headers: dict[str, str]):
    token = jwt.encode(make_claims(), SECRET, algorithm="HS256", headers={"kid": KID, **headers})

    with pytest.raises(InvalidToken):
        make_service().read(token)


def test_tokens_are_unique_even_for_the_same_user_and_second():
    service = make_service()

    assert service.issue(USER, SESSION).token != service.issue(USER, SESSION).token


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
    token = make_service(**issued_with).issue(USER, SESSION).token

    with pytest.raises(InvalidToken):
        make_service().read(token)


@pytest.mark.parametrize("claim", ["sub", "sid", "exp", "iat", "jti", "iss", "aud"])
def test_a_token_missing_a_required_claim_is_refused(claim: str):
    token = jwt.encode(make_claims(**{claim: None}), SECRET, algorithm="HS256", headers=AT_JWT)

    with pytest.raises(InvalidToken):
        make_service().read(token)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(
            jwt.encode(make_claims(), None, algorithm="none", headers=AT_JWT), id="alg-none"
        ),
        pytest.param(
            jwt.encode(make_claims(sub="not-a-uuid"), SECRET, headers=AT_JWT), id="sub-not-a-uuid"
        ),
        pytest.param(
            jwt.encode(make_claims(sid="not-a-uuid"), SECRET, headers=AT_JWT), id="sid-not-a-uuid"
        ),
        pytest.param(
            jwt.encode(make_claims(sub=12345), SECRET, headers=AT_JWT), id="sub-not-a-string"
        ),
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

    expires_at = service.expires_at(service.issue(USER, SESSION).token)

    assert before + timedelta(minutes=7) - timedelta(seconds=1) <= expires_at
    assert expires_at <= datetime.now(UTC) + timedelta(minutes=7)


def test_only_a_valid_token_tells_when_it_expires():
    forged = jwt.encode(
        make_claims(), "another-secret-" + "x" * 40, algorithm="HS256", headers=AT_JWT
    )

    with pytest.raises(InvalidToken):
        make_service().expires_at(forged)


@pytest.mark.parametrize("junk", ["!", "*", " ", "="])
def test_a_header_with_characters_outside_base64url_is_refused_though_it_would_decode(junk: str):
    """The service reads the header leniently to choose the key; pyjwt's strict reading of the
    whole token still decides."""
    header, payload, signature = make_service().issue(USER, SESSION).token.split(".")
    token = ".".join([header[:4] + junk + header[4:], payload, signature])

    with pytest.raises(InvalidToken):
        make_service().read(token)
