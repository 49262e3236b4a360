"""Access tokens as signed JWTs (pyjwt), typed ``at+jwt`` (RFC 9068): sub, sid, exp, iat, jti,
iss and aud, all checked.

Each token names its signing key in the ``kid`` header; a token is verified only with that key
of the key ring and only with that key's algorithm. ``alg: none``, an algorithm other than the
key's, an unknown ``kid``, header-supplied keys (``jwk``, ``jku``, ``x5u``, ``x5c``), ``crit``
extensions and any ``typ`` but ``at+jwt`` are refused before the signature is looked at.

An access token verified once is remembered, by its exact text, until it expires: the same
token read again costs a dictionary lookup instead of a signature check (about a tenth of an
authenticated read). Only what the signature proves is remembered (whose token, which
session); whether that session and user are still live is read from storage on every request
(``Authenticate``), so revocation is as immediate as before."""

import base64
import json
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from adapters.security.keys import KeyRing, hmac_key
from application.errors import InvalidToken
from application.ports.security import AccessClaims, AccessToken, TokenService
from domain.ids import SessionId, UserId

ACCESS_TOKEN_TYPE = "at+jwt"  # noqa: S105 - the RFC 9068 media type, not a secret
CHALLENGE_TYPE = "folio-2fa-challenge+jwt"
CHALLENGE_AUDIENCE = "folio-2fa"
CHALLENGE_LIFETIME = timedelta(minutes=5)
REFUSED_HEADERS = frozenset({"jwk", "jku", "x5u", "x5c", "crit"})
REMEMBERED_TOKENS = 4096  # verified access tokens kept; the oldest is forgotten first


@dataclass(frozen=True, slots=True)
class JwtParameters:
    keys: KeyRing
    issuer: str = "folio"
    audience: str = "folio-api"
    lifetime: timedelta = timedelta(minutes=15)

    @classmethod
    def hmac(cls, secret: str, algorithm: str = "HS256", **others: Any) -> "JwtParameters":
        """Parameters with one HMAC key (tests, simple set-ups)."""
        return cls(keys=KeyRing(hmac_key(secret, algorithm)), **others)


class JwtTokenService(TokenService):
    _REQUIRED = ("sub", "sid", "exp", "iat", "jti", "iss", "aud")

    def __init__(self, parameters: JwtParameters, remembered: int = REMEMBERED_TOKENS) -> None:
        self._p = parameters
        self._remembered = remembered
        self._verified: dict[str, tuple[AccessClaims, float]] = {}

    def issue(self, user_id: UserId, session_id: SessionId) -> AccessToken:
        claims = {"sub": str(user_id), "sid": str(session_id), "aud": self._p.audience}
        token = self._encode(claims, ACCESS_TOKEN_TYPE, self._p.lifetime)
        return AccessToken(token, "bearer", int(self._p.lifetime.total_seconds()))

    def read(self, token: str) -> AccessClaims:
        known = self._verified.get(token)
        if known is not None:
            if time.time() < known[1]:  # pyjwt's test: expired once exp <= now
                return known[0]
            del self._verified[token]
        claims = self._decode(token, ACCESS_TOKEN_TYPE, self._p.audience, self._REQUIRED)
        try:
            read = AccessClaims(
                UserId(uuid.UUID(claims["sub"])), SessionId(uuid.UUID(claims["sid"]))
            )
        except (ValueError, TypeError, AttributeError) as error:
            raise InvalidToken() from error
        self._remember(token, read, claims["exp"])
        return read

    def _remember(self, token: str, claims: AccessClaims, expires: object) -> None:
        if not isinstance(expires, int | float) or self._remembered <= 0:
            return
        if len(self._verified) >= self._remembered:
            del self._verified[next(iter(self._verified))]
        self._verified[token] = (claims, float(expires))

    def expires_at(self, token: str) -> datetime:
        claims = self._decode(token, ACCESS_TOKEN_TYPE, self._p.audience, self._REQUIRED)
        try:
            return datetime.fromtimestamp(claims["exp"], UTC)
        except (ValueError, TypeError, OverflowError) as error:
            raise InvalidToken() from error

    def issue_challenge(self, user_id: UserId) -> AccessToken:
        claims = {"sub": str(user_id), "aud": CHALLENGE_AUDIENCE}
        token = self._encode(claims, CHALLENGE_TYPE, CHALLENGE_LIFETIME)
        return AccessToken(token, "challenge", int(CHALLENGE_LIFETIME.total_seconds()))

    def read_challenge(self, token: str) -> UserId:
        required = ("sub", "exp", "iat", "jti", "iss", "aud")
        claims = self._decode(token, CHALLENGE_TYPE, CHALLENGE_AUDIENCE, required)
        try:
            return UserId(uuid.UUID(claims["sub"]))
        except (ValueError, TypeError, AttributeError) as error:
            raise InvalidToken() from error

    def _encode(self, claims: dict[str, Any], typ: str, lifetime: timedelta) -> str:
        now = datetime.now(UTC)  # pyjwt checks exp against the system clock too
        key = self._p.keys.current
        return jwt.encode(
            {
                **claims,
                "iat": now,
                "exp": now + lifetime,
                "jti": uuid.uuid4().hex,
                "iss": self._p.issuer,
            },
            key.signing_key,
            algorithm=key.algorithm,
            headers={"typ": typ, "kid": key.kid},
        )

    def _decode(
        self, token: str, typ: str, audience: str, required: tuple[str, ...]
    ) -> dict[str, Any]:
        try:
            header = _unverified_header(token)
            key = self._p.keys.find(header.get("kid"))
            if (
                key is None
                or header.get("typ") != typ
                or header.get("alg") != key.algorithm
                or REFUSED_HEADERS & header.keys()
            ):
                raise InvalidToken()
            claims: dict[str, Any] = jwt.decode(
                token,
                key.verification_key,
                algorithms=[key.algorithm],
                audience=audience,
                issuer=self._p.issuer,
                options={"require": list(required)},
            )
            return claims
        except (jwt.PyJWTError, ValueError, TypeError, AttributeError) as error:
            raise InvalidToken() from error

    def public_keys(self) -> list[dict[str, str]]:
        return self._p.keys.public_jwks()


def _unverified_header(token: str) -> dict[str, Any]:
    """The token's header, read only to choose the key and to refuse what it names before the
    signature is looked at; ``jwt.decode`` then reads and checks the whole token (its header
    included) itself. Not ``jwt.get_unverified_header``: pyjwt checks each character of the
    three parts in a Python loop, which every authenticated request would then pay twice."""
    segment = token.partition(".")[0]
    header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    if not isinstance(header, dict):
        raise InvalidToken()
    return header
