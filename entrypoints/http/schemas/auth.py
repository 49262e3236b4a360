from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from application.sessions.tokens import TokenPair


class TokenOut(BaseModel):
    """An OAuth2 bearer token response (RFC 6749 section 5.1) with its refresh token."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOiJIUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6ImF0K2p3dCJ9...",
                    "token_type": "bearer",
                    "expires_in": 900,
                    "refresh_token": "kY2v0m1N2Yl4S2x...",
                    "refresh_expires_in": 1209600,
                    "session_id": "0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a",
                }
            ]
        }
    )

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="seconds until the access token expires")
    refresh_token: str = Field(description="opaque; exchange it at POST /token/refresh")
    refresh_expires_in: int = Field(description="seconds until the refresh token expires unused")
    session_id: UUID

    @classmethod
    def of(cls, pair: TokenPair) -> "TokenOut":
        return cls(
            access_token=pair.access.token,
            token_type=pair.access.token_type,
            expires_in=pair.access.expires_in,
            refresh_token=pair.refresh_token,
            refresh_expires_in=pair.refresh_expires_in,
            session_id=pair.session_id,
        )


class RefreshIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=512)


class SessionOut(BaseModel):
    """One of the caller's live sessions."""

    id: UUID
    device: str = Field(description="browser and system read from the User-Agent at login")
    client_address: str | None
    auth_method: str = Field(examples=["password", "password+totp"])
    created_at: datetime
    last_used_at: datetime = Field(description="the login or the last refresh")
    expires_at: datetime = Field(description="when the session ends unless refreshed")
    current: bool = Field(description="the session this request authenticated through")


class CookieSessionOut(BaseModel):
    """A session begun or refreshed in cookie mode: the tokens are in HttpOnly cookies."""

    token_type: str = "cookie"  # noqa: S105 - the transport, not a secret
    expires_in: int = Field(description="seconds until the access cookie expires")
    refresh_expires_in: int = Field(description="seconds until the session expires unused")
    session_id: UUID
    csrf_token: str = Field(
        description="send it as the X-CSRF-Token header on every unsafe request (also in the "
        "readable cookie __Host-folio-csrf)"
    )

    @classmethod
    def of(cls, pair: TokenPair, csrf_token: str) -> "CookieSessionOut":
        return cls(
            expires_in=pair.access.expires_in,
            refresh_expires_in=pair.refresh_expires_in,
            session_id=pair.session_id,
            csrf_token=csrf_token,
        )


class TotpChallengeOut(BaseModel):
    """POST /token for a user with two-factor login on: complete at POST /token/totp."""

    challenge: str = Field(description="send it with the one-time code to POST /token/totp")
    challenge_type: str = "totp"
    expires_in: int = Field(description="seconds left to complete the login")


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=64, examples=["123456"])


class TotpEnrolmentOut(BaseModel):
    secret: str = Field(description="base32; for apps that take the key by hand")
    otpauth_uri: str = Field(examples=["otpauth://totp/Folio:ada%40example.com?secret=..."])


class RecoveryCodesOut(BaseModel):
    recovery_codes: list[str] = Field(
        description="each works once in place of a one-time code; shown only now"
    )
