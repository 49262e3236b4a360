"""A verified access token is remembered until it expires (adapters/security/jwt_tokens.py):
read again, it is not verified again; expired, changed by one character or forgotten to keep
the memory bounded, it is checked as any other token."""

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from application.errors import InvalidToken
from application.ports.security import AccessClaims
from tests.unit.test_jwt_tokens import SECRET, SESSION, USER


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tokens pyjwt was asked to verify, in order."""
    verified: list[str] = []
    decode = jwt.decode

    def counting(token: str, *args: Any, **kwargs: Any) -> Any:
        verified.append(token)
        return decode(token, *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counting)
    return verified


def make_service(
    remembered: int = 16, lifetime: timedelta = timedelta(minutes=5)
) -> JwtTokenService:
    return JwtTokenService(JwtParameters.hmac(SECRET, lifetime=lifetime), remembered=remembered)


def test_a_token_read_again_is_not_verified_again(verifications: list[str]):
    service = make_service()
    token = service.issue(USER, SESSION).token

    first, second = service.read(token), service.read(token)

    assert first == second == AccessClaims(USER, SESSION)
    assert verifications == [token]


def test_a_remembered_token_is_refused_once_it_has_expired(verifications: list[str]):
    service = make_service(lifetime=timedelta(seconds=1))
    token = service.issue(USER, SESSION).token
    service.read(token)
    expires = service.expires_at(token).timestamp()

    time.sleep(max(0.0, expires - time.time()) + 0.05)

    with pytest.raises(InvalidToken):
        service.read(token)
    assert verifications == [token, token, token]  # read, expires_at, read: refused by pyjwt


def test_a_remembered_token_changed_by_one_character_is_refused():
    service = make_service()
    token = service.issue(USER, SESSION).token
    service.read(token)
    last = token[-2]
    tampered = token[:-2] + ("A" if last != "A" else "B") + token[-1]

    with pytest.raises(InvalidToken):
        service.read(tampered)
    with pytest.raises(InvalidToken):
        service.read(token + " ")


def test_a_refused_token_is_not_remembered(verifications: list[str]):
    service = make_service()
    forged = jwt.encode(
        {
            "sub": str(USER), "sid": str(SESSION), "iss": "folio", "aud": "folio-api",
            "iat": datetime.now(UTC), "exp": datetime.now(UTC) + timedelta(minutes=5),
            "jti": "x",
        },
        "another-secret-" + "x" * 40,
        algorithm="HS256",
        headers={"typ": "at+jwt", "kid": JwtParameters.hmac(SECRET).keys.current.kid},
    )  # fmt: skip

    for _ in range(2):
        with pytest.raises(InvalidToken):
            service.read(forged)
    assert verifications == [forged, forged]


def test_the_memory_is_bounded_and_forgets_the_oldest_first(verifications: list[str]):
    service = make_service(remembered=2)
    one, two, three = (service.issue(USER, SESSION).token for _ in range(3))
    for token in (one, two, three):
        service.read(token)

    service.read(three)
    service.read(one)

    assert verifications == [one, two, three, one]


def test_without_memory_every_read_is_verified(verifications: list[str]):
    service = make_service(remembered=0)
    token = service.issue(USER, SESSION).token

    service.read(token)
    service.read(token)

    assert verifications == [token, token]
