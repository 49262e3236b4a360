"""The one table from domain and application errors to HTTP problems, and the handlers
that turn every failure (ours, FastAPI's, Starlette's, unexpected ones) into a problem."""

from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from application.errors import (
    ApplicationError,
    AuthenticationFailed,
    IdempotencyKeyInUse,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
    TwoFactorNotEnrolled,
)
from domain.admin.rules import LastAdmin
from domain.errors import (
    CommentsClosed,
    Conflict,
    ContentPolicyViolation,
    DomainError,
    FavoritesClosed,
    InvalidValue,
    PermissionDenied,
    StaleVersion,
)
from domain.sessions.errors import RefreshTokenReused, SessionEnded
from domain.sessions.two_factor import TwoFactorChanged
from domain.users.account_token import AccountTokenRefused
from domain.users.identities import AccountLinkRefused
from domain.users.limits import PostingLimitReached
from domain.users.verification import EmailNotVerified
from entrypoints.http.browser import CsrfRejected
from entrypoints.http.error_log import log_unexpected
from entrypoints.http.framework_errors import (
    handle_http_exception,
    handle_request_validation_error,
)
from entrypoints.http.middleware import REQUEST_ID_HEADER, request_id_of
from entrypoints.http.problems import problem_response
from entrypoints.http.schemas.common import FieldError

BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True, slots=True)
class ProblemKind:
    status: int
    kind: str
    title: str
    headers: dict[str, str] | None = None


# Looked up along the exception's MRO: the most specific class listed wins.
ERROR_TABLE: dict[type[Exception], ProblemKind] = {
    CsrfRejected: ProblemKind(403, "csrf-rejected", "Cross-site request refused"),
    LastAdmin: ProblemKind(409, "last-admin", "The last admin must remain"),
    PostingLimitReached: ProblemKind(429, "posting-limit-reached", "Posting limit reached"),
    TwoFactorChanged: ProblemKind(
        401, "authentication-failed", "Authentication failed", BEARER_CHALLENGE
    ),
    TwoFactorNotEnrolled: ProblemKind(409, "conflict", "Conflict"),
    RefreshTokenReused: ProblemKind(
        401, "authentication-failed", "Authentication failed", BEARER_CHALLENGE
    ),
    SessionEnded: ProblemKind(
        401, "authentication-failed", "Authentication failed", BEARER_CHALLENGE
    ),
    ContentPolicyViolation: ProblemKind(
        422, "content-policy-violation", "Content policy violation"
    ),
    InvalidValue: ProblemKind(422, "validation-error", "Invalid request"),
    AccountLinkRefused: ProblemKind(409, "account-link-refused", "Account link refused"),
    Conflict: ProblemKind(409, "conflict", "Conflict"),
    CommentsClosed: ProblemKind(409, "comments-closed", "Comments closed"),
    FavoritesClosed: ProblemKind(409, "favorites-closed", "Favourites closed"),
    EmailNotVerified: ProblemKind(403, "email-not-verified", "E-mail address not verified"),
    PermissionDenied: ProblemKind(403, "permission-denied", "Permission denied"),
    AccountTokenRefused: ProblemKind(400, "account-token-refused", "Token refused"),
    StaleVersion: ProblemKind(412, "precondition-failed", "Precondition failed"),
    NotFound: ProblemKind(404, "not-found", "Not found"),
    AuthenticationFailed: ProblemKind(
        401, "authentication-failed", "Authentication failed", BEARER_CHALLENGE
    ),
    TooManyRequests: ProblemKind(429, "rate-limited", "Too many requests"),
    IdempotencyKeyInUse: ProblemKind(409, "idempotency-key", "Conflict", {"Retry-After": "1"}),
    ServiceUnavailable: ProblemKind(
        503, "service-unavailable", "Service unavailable", {"Retry-After": "1"}
    ),
    DomainError: ProblemKind(400, "domain-error", "Request refused"),
    ApplicationError: ProblemKind(400, "application-error", "Request refused"),
}


def too_many_requests_headers(error: TooManyRequests) -> dict[str, str]:
    """Retry-After and the IETF RateLimit fields for a limit the use case met."""
    retry = str(error.retry_after)
    return {
        "Retry-After": retry,
        "RateLimit-Policy": f'"{error.policy}";q={error.limit};w={error.window}',
        "RateLimit": f'"{error.policy}";r=0;t={retry}',
        "RateLimit-Limit": str(error.limit),
        "RateLimit-Remaining": "0",
        "RateLimit-Reset": retry,
    }


def kind_of(error: Exception) -> ProblemKind | None:
    for cls in type(error).__mro__:
        if cls in ERROR_TABLE:
            return ERROR_TABLE[cls]
    return None


async def handle_expected_error(request: Request, error: Exception) -> Response:
    kind = kind_of(error)
    if kind is None:
        return await handle_unexpected_error(request, error)
    errors = None
    headers = kind.headers
    if isinstance(error, InvalidValue):
        errors = [FieldError(field=error.field, message=error.message)]
    if isinstance(error, TooManyRequests):
        headers = too_many_requests_headers(error)
    return problem_response(
        request,
        kind.status,
        kind=kind.kind,
        title=kind.title,
        detail=str(error),
        errors=errors,
        headers=headers,
    )


async def handle_unexpected_error(request: Request, error: Exception) -> Response:
    """Log everything, tell nothing: no trace, no SQL, no class name in the reply."""
    request_id = request_id_of(request)
    log_unexpected(request_id, request.method, request.url.path, error)
    # Served by Starlette's outermost middleware, past the one that adds the request id.
    return problem_response(
        request,
        500,
        kind="internal-error",
        title="Internal server error",
        detail="an unexpected error occurred; quote the request id when reporting it",
        headers={REQUEST_ID_HEADER: request_id},
        request_id=request_id,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, handle_expected_error)
    app.add_exception_handler(ApplicationError, handle_expected_error)
    app.add_exception_handler(CsrfRejected, handle_expected_error)
    app.add_exception_handler(RequestValidationError, handle_request_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
    # Unexpected errors are answered by UnexpectedErrorMiddleware, which logs them once: an
    # ``Exception`` handler here would run in Starlette's outermost middleware, which re-raises
    # to the server after answering, so the server would log the same error a second time.
