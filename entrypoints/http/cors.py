"""CORS, so that browser front ends served from other origins (a RealWorld front end, for one)
may call the API. Only the origins listed in FOLIO_CORS_ORIGINS are allowed; none by default.
Credentials (cookies) are never allowed: tokens travel in the Authorization header."""

from collections.abc import Sequence

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

ALLOWED_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
ALLOWED_HEADERS = (
    "Authorization",
    "Content-Type",
    "X-Requested-With",
    "X-Request-ID",
    "Idempotency-Key",
)
EXPOSED_HEADERS = ("Location", "X-Request-ID", "Retry-After", "RateLimit", "RateLimit-Policy")
PREFLIGHT_MAX_AGE = 600


def cors_middleware(origins: Sequence[str]) -> Middleware:
    """The middleware that answers preflights and adds CORS headers for ``origins`` (the app
    factory installs it in its place in the stack, only when some origin is listed)."""
    return Middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=list(ALLOWED_METHODS),
        allow_headers=list(ALLOWED_HEADERS),
        expose_headers=list(EXPOSED_HEADERS),
        allow_credentials=False,
        max_age=PREFLIGHT_MAX_AGE,
    )
