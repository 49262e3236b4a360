"""RealWorld's error format, ``{"errors": {"field": ["message"]}}``, and the one table from
domain and application errors to it. Errors that concern no field are reported under
``body``, the key of the specification's GenericErrorModel."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import compile_path

from application.errors import (
    ApplicationError,
    AuthenticationFailed,
    CommentNotFound,
    IdempotencyKeyInUse,
    InvalidCredentials,
    NotFound,
    PostNotFound,
    ServiceUnavailable,
    TooManyRequests,
    UserNotFound,
)
from domain.errors import (
    Conflict,
    DomainError,
    EmailAlreadyRegistered,
    InvalidValue,
    PermissionDenied,
    UsernameAlreadyTaken,
)
from domain.users.limits import PostingLimitReached
from domain.users.verification import EmailNotVerified
from entrypoints.http.error_log import log_unexpected
from entrypoints.http.errors import too_many_requests_headers
from entrypoints.http.framework_errors import NOT_JSON, is_undecodable_body
from entrypoints.http.middleware import REQUEST_ID_HEADER, request_id_of
from entrypoints.realworld.responses import RealWorldJSONResponse

GENERAL = "body"
TOKEN_CHALLENGE = {"WWW-Authenticate": "Token"}
TAKEN = "has already been taken"
BLANK = "can't be blank"
# Folio's field names where RealWorld's differ.
FIELD_NAMES = {"content": "body", "tags": "tagList", "name": "username"}
_ENVELOPES = frozenset({"user", "article", "comment"})


@dataclass(frozen=True, slots=True)
class ErrorKind:
    status: int
    field: str | None = None  # None: the field the error names, or the resource of the path
    message: str | None = None  # None: the error's own message
    headers: dict[str, str] | None = None


# Looked up along the exception's MRO: the most specific class listed wins.
ERROR_TABLE: dict[type[Exception], ErrorKind] = {
    EmailAlreadyRegistered: ErrorKind(422, "email", TAKEN),
    UsernameAlreadyTaken: ErrorKind(422, "username", TAKEN),
    InvalidValue: ErrorKind(422),
    Conflict: ErrorKind(422),
    EmailNotVerified: ErrorKind(403, "email"),
    PermissionDenied: ErrorKind(403, message="forbidden"),
    PostingLimitReached: ErrorKind(429),
    PostNotFound: ErrorKind(404, "article", "not found"),
    CommentNotFound: ErrorKind(404, "comment", "not found"),
    UserNotFound: ErrorKind(404, "profile", "not found"),
    NotFound: ErrorKind(404, message="not found"),
    InvalidCredentials: ErrorKind(401, "credentials", "invalid", TOKEN_CHALLENGE),
    AuthenticationFailed: ErrorKind(401, "token", "is invalid", TOKEN_CHALLENGE),
    ServiceUnavailable: ErrorKind(503, headers={"Retry-After": "1"}),
    TooManyRequests: ErrorKind(429),
    IdempotencyKeyInUse: ErrorKind(409, "body", headers={"Retry-After": "1"}),
    DomainError: ErrorKind(422),
    ApplicationError: ErrorKind(422),
}


class TokenMissing(AuthenticationFailed):
    """A route that needs a token got none."""

    def __init__(self) -> None:
        super().__init__("authentication required: send 'Authorization: Token <jwt>'")


ERROR_TABLE[TokenMissing] = ErrorKind(401, "token", "is missing", TOKEN_CHALLENGE)


def errors_response(
    status: int, errors: dict[str, list[str]], headers: Mapping[str, str] | None = None
) -> RealWorldJSONResponse:
    return RealWorldJSONResponse({"errors": errors}, status, headers=headers)


def kind_of(error: Exception) -> ErrorKind | None:
    for cls in type(error).__mro__:
        if cls in ERROR_TABLE:
            return ERROR_TABLE[cls]
    return None


async def handle_expected_error(request: Request, error: Exception) -> Response:
    kind = kind_of(error)
    if kind is None:
        return await handle_unexpected_error(request, error)
    field, message = resource_of(request.url.path), str(error)
    if isinstance(error, InvalidValue):
        field, message = FIELD_NAMES.get(error.field, error.field), error.message
    errors = {kind.field or field: [kind.message or message]}
    headers = kind.headers
    if isinstance(error, TooManyRequests):
        headers = too_many_requests_headers(error)
    return errors_response(kind.status, errors, headers)


async def handle_request_validation_error(request: Request, error: Exception) -> Response:
    if not isinstance(error, RequestValidationError):
        return await handle_unexpected_error(request, error)
    errors: dict[str, list[str]] = {}
    # Built from loc, type and msg only: pydantic's ``input`` and ``ctx`` may hold a password.
    for item in error.errors():
        errors.setdefault(_field_of(item), []).append(_message_of(item))
    return errors_response(422, errors)


async def handle_http_exception(request: Request, error: Exception) -> Response:
    """As the native API: a body that cannot be decoded is a 422, and a 405 lists in
    ``Allow`` the methods the path takes."""
    if not isinstance(error, StarletteHTTPException):
        return await handle_unexpected_error(request, error)
    if error.status_code == 400 and is_undecodable_body(error):
        return errors_response(422, {GENERAL: [NOT_JSON]})
    detail = error.detail if isinstance(error.detail, str) else "request refused"
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = ", ".join(documented_methods(request))
    return errors_response(error.status_code, {GENERAL: [detail]}, headers)


def documented_methods(request: Request) -> list[str]:
    """The methods the OpenAPI document gives the first path template the request's path
    fits (HEAD with GET): ``/articles/feed`` is the feed's, although ``/articles/{slug}``
    fits it too."""
    path = request.scope["path"].removeprefix(request.scope.get("root_path", ""))
    for template, item in request.app.openapi()["paths"].items():
        if compile_path(template)[0].match(path):
            methods = {method.upper() for method in item}
            return sorted(methods | ({"HEAD"} if "GET" in methods else set()))
    return []


async def handle_unexpected_error(request: Request, error: Exception) -> Response:
    """Log everything, tell nothing: no trace, no SQL, no class name in the reply."""
    request_id = request_id_of(request)
    log_unexpected(request_id, request.method, request.url.path, error)
    message = f"an unexpected error occurred; quote request id {request_id} when reporting it"
    return errors_response(500, {GENERAL: [message]}, {REQUEST_ID_HEADER: request_id})


def resource_of(path: str) -> str:
    """What an error that names no field is about, from the path: ``comment``, ``article``,
    ``profile`` or ``user``; else ``body``."""
    parts = path.strip("/").split("/")
    if "comments" in parts:
        return "comment"
    first = {"articles": "article", "profiles": "profile", "user": "user", "users": "user"}
    for part in parts:
        if part in first:
            return first[part]
    return GENERAL


def _field_of(item: Any) -> str:
    """The field as RealWorld names it: an item of a list by its list (``tagList``)."""
    loc = [str(part) for part in item.get("loc", ()) if not isinstance(part, int)]
    if loc and loc[0] == "body":
        loc = loc[1:]
        if len(loc) > 1 and loc[0] in _ENVELOPES:
            loc = loc[1:]
    elif loc and loc[0] in {"query", "path", "header"}:
        loc = loc[1:]
    name = ".".join(loc) or GENERAL
    return FIELD_NAMES.get(name, name)


def _message_of(item: Any) -> str:
    if item.get("type") in {"missing", "blank"}:
        return BLANK
    return str(item.get("msg", "is invalid"))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, handle_expected_error)
    app.add_exception_handler(ApplicationError, handle_expected_error)
    app.add_exception_handler(RequestValidationError, handle_request_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
    app.add_exception_handler(Exception, handle_unexpected_error)
