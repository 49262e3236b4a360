"""Access tokens as signed JWTs (pyjwt): sub, exp, iat, jti, iss and aud, all checked."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from application.errors import InvalidToken
from application.ports.security import AccessToken, TokenService
from domain.ids import UserId


@dataclass(frozen=True, slots=True)
class JwtParameters:
    secret: str
    algorithm: str = "HS256"
    issuer: str = "folio"
    audience: str = "folio-api"
    lifetime: timedelta = timedelta(minutes=30)


class JwtTokenService(TokenService):
    _REQUIRED = ("sub", "exp", "iat", "jti", "iss", "aud")

    def __init__(self, parameters: JwtParameters) -> None:
        self._p = parameters

    def issue(self, user_id: UserId) -> AccessToken:
        now = datetime.now(UTC)  # pyjwt checks exp against the system clock too
        claims = {
            "sub": str(user_id),
            "iat": now,
            "exp": now + self._p.lifetime,
            "jti": uuid.uuid4().hex,
            "iss": self._p.issuer,
            "aud": self._p.audience,
        }
        token = jwt.encode(claims, self._p.secret, algorithm=self._p.algorithm)
        return AccessToken(token, "bearer", int(self._p.lifetime.total_seconds()))

    def read(self, token: str) -> UserId:
        try:
            claims = jwt.decode(
                token,
                self._p.secret,
                algorithms=[self._p.algorithm],
                audience=self._p.audience,
                issuer=self._p.issuer,
                options={"require": list(self._REQUIRED)},
            )
            return UserId(uuid.UUID(claims["sub"]))
        except (jwt.PyJWTError, ValueError, TypeError) as error:
            raise InvalidToken() from error

    def expires_at(self, token: str) -> datetime:
        self.read(token)  # the claims below are trusted only once the token is verified
        claims = jwt.decode(token, options={"verify_signature": False})
        return datetime.fromtimestamp(claims["exp"], UTC)
