"""Signing keys for access tokens: each with a ``kid`` and one pinned algorithm.

HMAC keys (HS256, HS384, HS512) sign and verify with one secret; Ed25519 (EdDSA) and P-256
(ES256) keys sign with a private key and publish their public key as a JWK. The key ring holds
the current signing key and older keys still accepted for verification."""

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from jwt.algorithms import ECAlgorithm, OKPAlgorithm

HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
ASYMMETRIC_ALGORITHMS = frozenset({"EdDSA", "ES256"})
ALGORITHMS = HMAC_ALGORITHMS | ASYMMETRIC_ALGORITHMS


class InvalidKey(ValueError):
    """A key that cannot be used with the algorithm it is configured for."""


@dataclass(frozen=True)
class JwtKey:
    kid: str
    algorithm: str
    verification_key: Any = field(repr=False)
    signing_key: Any = field(default=None, repr=False)

    @property
    def public_jwk(self) -> dict[str, str] | None:
        """The public key as a JWK (RFC 7517), or None for an HMAC key."""
        if self.algorithm in HMAC_ALGORITHMS:
            return None
        return {**_jwk(self.verification_key), "kid": self.kid, "alg": self.algorithm, "use": "sig"}


@dataclass(frozen=True)
class KeyRing:
    current: JwtKey
    older: tuple[JwtKey, ...] = ()

    def find(self, kid: object) -> JwtKey | None:
        return next((key for key in (self.current, *self.older) if key.kid == kid), None)

    def public_jwks(self) -> list[dict[str, str]]:
        keys = (key.public_jwk for key in (self.current, *self.older))
        return [jwk for jwk in keys if jwk is not None]


def hmac_key(secret: str, algorithm: str = "HS256") -> JwtKey:
    if algorithm not in HMAC_ALGORITHMS:
        raise InvalidKey(f"{algorithm} is not an HMAC algorithm")
    digest = hashlib.sha256(b"folio-kid\x00" + secret.encode()).digest()
    return JwtKey(f"hs-{_b64(digest)[:16]}", algorithm, secret, secret)


def asymmetric_key(pem: str, algorithm: str) -> JwtKey:
    """A key from a PEM private key (signs and verifies) or public key (verifies only)."""
    data = pem.strip().encode()
    try:
        if b"PRIVATE KEY" in data:
            private = serialization.load_pem_private_key(data, password=None)
            public = private.public_key()
        else:
            private, public = None, serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise InvalidKey(f"the {algorithm} key is not a readable PEM key") from error
    _check_type(public, algorithm)
    return JwtKey(_thumbprint(public), algorithm, public, private)


def key_from(material: str, algorithm: str) -> JwtKey:
    if algorithm in HMAC_ALGORITHMS:
        return hmac_key(material, algorithm)
    if algorithm in ASYMMETRIC_ALGORITHMS:
        return asymmetric_key(material, algorithm)
    raise InvalidKey(f"unsupported algorithm {algorithm!r}")


def generate(algorithm: str) -> str:
    """A new strong key: 512 random bits for HMAC, a PEM (PKCS#8) private key otherwise."""
    if algorithm in HMAC_ALGORITHMS:
        return secrets.token_urlsafe(64)
    private: ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey
    if algorithm == "EdDSA":
        private = ed25519.Ed25519PrivateKey.generate()
    elif algorithm == "ES256":
        private = ec.generate_private_key(ec.SECP256R1())
    else:
        raise InvalidKey(f"unsupported algorithm {algorithm!r}")
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _check_type(public: Any, algorithm: str) -> None:
    if algorithm == "EdDSA" and isinstance(public, ed25519.Ed25519PublicKey):
        return
    if (
        algorithm == "ES256"
        and isinstance(public, ec.EllipticCurvePublicKey)
        and isinstance(public.curve, ec.SECP256R1)
    ):
        return
    expected = "an Ed25519" if algorithm == "EdDSA" else "a P-256 (prime256v1)"
    raise InvalidKey(f"{algorithm} needs {expected} key")


def _jwk(public: Any) -> dict[str, str]:
    if isinstance(public, ed25519.Ed25519PublicKey):
        return dict(OKPAlgorithm.to_jwk(public, as_dict=True))
    return dict(ECAlgorithm.to_jwk(public, as_dict=True))


def _thumbprint(public: Any) -> str:
    """RFC 7638: SHA-256 of the required members of the JWK, in lexical order."""
    jwk = _jwk(public)
    required = ("crv", "kty", "x") if jwk["kty"] == "OKP" else ("crv", "kty", "x", "y")
    canonical = json.dumps({name: jwk[name] for name in required}, separators=(",", ":"))
    return _b64(hashlib.sha256(canonical.encode()).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
