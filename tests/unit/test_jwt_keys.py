"""Keys of access tokens: kid, rotation, pinned algorithms, refused headers, JWKS."""

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from adapters.security.keys import InvalidKey, KeyRing, generate, hmac_key, key_from
from application.errors import InvalidToken
from application.ports.security import AccessClaims
from domain.ids import SessionId, UserId

OLD = "old-" + "k3Y_9a8b7c6d5e4f3g2h1i0j" * 3
NEW = "new-" + "Zq8_rT5vW2xY7kL9mN3pB6cD" * 3
USER = UserId(UUID("12345678-1234-4234-8234-123456789abc"))
SESSION = SessionId(UUID("87654321-1234-4234-8234-123456789abc"))
EDDSA_PEM = generate("EdDSA")
ES256_PEM = generate("ES256")


def service(current: Any, *older: Any) -> JwtTokenService:
    return JwtTokenService(JwtParameters(keys=KeyRing(current, tuple(older))))


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hand_signed(header: dict[str, Any], secret: bytes, claims: dict[str, Any] | None = None) -> str:
    """A JWT signed with HMAC-SHA256 by hand, whatever key material or header pyjwt would
    refuse to use."""
    now = int(datetime.now(UTC).timestamp())
    body = claims or {
        "sub": str(USER),
        "sid": str(SESSION),
        "iat": now,
        "exp": now + 300,
        "jti": "x",
        "iss": "folio",
        "aud": "folio-api",
    }
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(body).encode())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def test_a_token_names_its_key_and_is_read_with_it():
    key = hmac_key(NEW)
    token = service(key).issue(USER, SESSION).token

    assert jwt.get_unverified_header(token)["kid"] == key.kid
    assert service(key).read(token) == AccessClaims(USER, SESSION)


def test_a_token_of_the_old_key_works_until_the_old_key_is_dropped():
    old, new = hmac_key(OLD), hmac_key(NEW)
    before_rotation = service(old).issue(USER, SESSION).token

    assert service(new, old).read(before_rotation) == AccessClaims(USER, SESSION)
    assert jwt.get_unverified_header(service(new, old).issue(USER, SESSION).token)["kid"] == new.kid
    with pytest.raises(InvalidToken):
        service(new).read(before_rotation)


@pytest.mark.parametrize("algorithm", ["EdDSA", "ES256"])
def test_asymmetric_keys_sign_and_a_public_key_alone_verifies(algorithm: str):
    pem = EDDSA_PEM if algorithm == "EdDSA" else ES256_PEM
    private = key_from(pem, algorithm)
    public_pem = private.verification_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    verifier = key_from(public_pem, algorithm)
    token = service(private).issue(USER, SESSION).token

    assert jwt.get_unverified_header(token)["alg"] == algorithm
    assert verifier.kid == private.kid
    assert service(hmac_key(NEW), verifier).read(token) == AccessClaims(USER, SESSION)


@pytest.mark.parametrize("algorithm", ["EdDSA", "ES256"])
def test_the_published_jwk_verifies_tokens_and_holds_no_private_part(algorithm: str):
    key = key_from(EDDSA_PEM if algorithm == "EdDSA" else ES256_PEM, algorithm)
    token = service(key).issue(USER, SESSION).token
    (jwk,) = service(key, hmac_key(OLD)).public_keys()

    assert (jwk["kid"], jwk["alg"], jwk["use"]) == (key.kid, algorithm, "sig")
    assert "d" not in jwk
    public = jwt.PyJWK(jwk).key
    claims = jwt.decode(token, public, algorithms=[algorithm], audience="folio-api")
    assert claims["sid"] == str(SESSION)


def test_hmac_keys_are_never_published():
    assert service(hmac_key(NEW), hmac_key(OLD)).public_keys() == []


def test_algorithm_confusion_with_the_public_key_as_an_hmac_secret_is_refused():
    key = key_from(EDDSA_PEM, "EdDSA")
    public_pem = key.verification_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    forged = hand_signed({"alg": "HS256", "typ": "at+jwt", "kid": key.kid}, public_pem)

    with pytest.raises(InvalidToken):
        service(key).read(forged)


@pytest.mark.parametrize(
    "header",
    [
        pytest.param({"alg": "none"}, id="alg-none"),
        pytest.param({"jwk": {"kty": "oct", "k": b64(NEW.encode())}}, id="jwk"),
        pytest.param({"jku": "https://evil.example/jwks.json"}, id="jku"),
        pytest.param({"x5u": "https://evil.example/cert.pem"}, id="x5u"),
        pytest.param({"x5c": ["MIIB"]}, id="x5c"),
        pytest.param({"crit": ["exp"]}, id="crit"),
        pytest.param({"kid": "unknown"}, id="unknown-kid"),
        pytest.param({"kid": None}, id="no-kid"),
        pytest.param({"typ": None}, id="no-typ"),
    ],
)
def test_refused_headers(header: dict[str, Any]):
    key = hmac_key(NEW)
    full = {"alg": "HS256", "typ": "at+jwt", "kid": key.kid, **header}
    token = hand_signed({k: v for k, v in full.items() if v is not None}, NEW.encode())
    if header.get("alg") == "none":
        token = token.rsplit(".", 1)[0] + "."

    with pytest.raises(InvalidToken):
        service(key).read(token)


def test_another_algorithm_than_the_keys_is_refused():
    key = hmac_key(NEW)  # pinned to HS256
    token = service(hmac_key(NEW, "HS512")).issue(USER, SESSION).token
    header = jwt.get_unverified_header(token)
    forged = jwt.encode(
        jwt.decode(token, options={"verify_signature": False}),
        NEW,
        algorithm="HS512",
        headers={**header, "kid": key.kid},
    )

    with pytest.raises(InvalidToken):
        service(key).read(forged)


def test_the_hand_signer_makes_tokens_the_service_accepts():
    key = hmac_key(NEW)

    assert service(key).read(
        hand_signed({"alg": "HS256", "typ": "at+jwt", "kid": key.kid}, NEW.encode())
    )


@pytest.mark.parametrize(
    ("material", "algorithm"),
    [
        pytest.param(EDDSA_PEM, "ES256", id="ed25519-as-es256"),
        pytest.param(ES256_PEM, "EdDSA", id="p256-as-eddsa"),
        pytest.param("not a pem", "EdDSA", id="garbage"),
        pytest.param(NEW, "RS256", id="unsupported"),
    ],
)
def test_a_key_of_the_wrong_kind_is_refused(material: str, algorithm: str):
    with pytest.raises(InvalidKey):
        key_from(material, algorithm)
