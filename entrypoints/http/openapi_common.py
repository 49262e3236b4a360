"""What both OpenAPI documents (the native API's and the RealWorld API's) say the same way, in
one place: the refusals of the middleware in front of every route (entrypoints/http/app.py),
which no route declares, and tokens that a route takes but does not need.

- 413: a body over the body limits (body_limit.py), on every operation that takes one;
- 429: a rate limit met (rate_limit.py: per client address on every route, failed logins per
  address and per account; and a user's daily posting limit);
- 503: the rate limits' store cannot be reached (every route but the health probes, which
  rate_limit.py lets through), every password-hashing slot is busy (hashing_gate.py: logins
  and registrations), or the database cannot be used for a moment (any route that reads or
  writes)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import RouteContext
from starlette.routing import BaseRoute

from entrypoints.http.routers import health

# An app's routes in the order its document lists them (a router's may be listed one by one).
RouteOrder = Callable[[Sequence[BaseRoute]], Sequence[BaseRoute | RouteContext]]
_RETRY_AFTER = {
    "description": "seconds to wait before trying again",
    "schema": {"type": "integer", "minimum": 0},
}
_RATE_LIMIT_HEADERS = {
    "RateLimit-Policy": ("the limit met: its name, quota (q) and window in seconds (w)", "string"),
    "RateLimit": ("the limit met: requests left (r) and seconds until it resets (t)", "string"),
    "RateLimit-Limit": ("the quota of the limit met", "integer"),
    "RateLimit-Remaining": ("requests left in its window", "integer"),
    "RateLimit-Reset": ("seconds until its window resets", "integer"),
}
TOO_MANY_REQUESTS = (
    "Too many requests: a rate limit was met (per client address on every route; failed logins "
    "per address and per account). Retry-After and the IETF RateLimit headers "
    "(draft-ietf-httpapi-ratelimit-headers) say when to try again; a post past the daily "
    "posting limit an admin set is a 429 too, without them"
)
UNAVAILABLE = (
    "Unavailable for a moment: the store of the rate limits or the database cannot be "
    "reached, every database connection is busy, or (logging in, registering) every "
    "password-hashing slot is taken. Retry-After says when to try again"
)
BODY_TOO_LARGE = (
    "The body is over FOLIO_MAX_BODY_BYTES, or its JSON nests deeper than FOLIO_MAX_JSON_DEPTH "
    "or has an array longer than FOLIO_MAX_JSON_ARRAY_ITEMS"
)


@dataclass(frozen=True, slots=True)
class ErrorContent:
    """How an API writes its error replies: their media type and the ``$ref`` of their
    schema."""

    media_type: str
    schema_ref: str

    def response(self, description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
        content = {self.media_type: {"schema": {"$ref": self.schema_ref}}}
        return {"description": description, "content": content} | (
            {"headers": headers} if headers else {}
        )


def install_corrected_openapi(
    app: FastAPI,
    errors: ErrorContent,
    correct_validation_errors: Callable[[dict[str, Any]], None],
    token_schemes: tuple[str, str],
    prefix: str = "",
    unused_schemas: tuple[str, ...] = (),
    documented: RouteOrder = list,
) -> None:
    """Serve ``app``'s OpenAPI document, built once on first use and corrected where FastAPI
    cannot say it alone: the middleware's refusals (``prefix``: where ``app`` is mounted), each
    operation's 422 by ``correct_validation_errors``, every error reply under ``errors``' media
    type, a token a route takes but does not need optional (``token_schemes``: the scheme and
    the optional scheme that marks such routes), and ``unused_schemas`` dropped. The document
    lists the routes as ``documented`` orders ``app.routes``."""
    scheme, optional_scheme = token_schemes

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=documented(app.routes),
                servers=app.servers,
            )
            document_refusals(document, errors, prefix)
            for _, operation in operations(document):
                correct_validation_errors(operation)
                _serve_errors_under_their_media_type(operation, errors)
                make_token_optional(operation, optional_scheme, scheme)
            drop_scheme(document, optional_scheme)
            schemas = document.get("components", {}).get("schemas", {})
            for name in unused_schemas:
                schemas.pop(name, None)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(path, operation) for every operation of ``document``."""
    return [
        (path, operation)
        for path, item in document.get("paths", {}).items()
        for operation in item.values()
    ]


def document_refusals(document: dict[str, Any], errors: ErrorContent, prefix: str = "") -> None:
    """413, 429 and 503 on the operations of ``document`` (served under ``prefix``) where the
    middleware may answer them; a route's own description of one of them stays."""
    for path, operation in operations(document):
        responses = operation.setdefault("responses", {})
        if "requestBody" in operation:
            responses.setdefault("413", errors.response(BODY_TOO_LARGE))
        responses.setdefault("429", errors.response(TOO_MANY_REQUESTS, _too_many_headers()))
        if prefix + path not in health.PATHS:  # /readyz documents its own 503
            responses.setdefault("503", errors.response(UNAVAILABLE, _unavailable_headers()))


def make_token_optional(operation: dict[str, Any], optional_scheme: str, scheme: str) -> None:
    """A route that takes a token but does not need one names ``optional_scheme``:
    ``[{}, {scheme: []}]`` says so (no requirement, or ``scheme``)."""
    if any(optional_scheme in requirement for requirement in operation.get("security", [])):
        operation["security"] = [{}, {scheme: []}]


def drop_scheme(document: dict[str, Any], scheme: str) -> None:
    document.get("components", {}).get("securitySchemes", {}).pop(scheme, None)


def _serve_errors_under_their_media_type(operation: dict[str, Any], errors: ErrorContent) -> None:
    """Every 4xx and 5xx reply with ``errors``' schema under ``errors``' media type, routes
    with no body (the deletions) included."""
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        for media_type, body in list(content.items()):
            if status[0] in "45" and body.get("schema", {}).get("$ref") == errors.schema_ref:
                content[errors.media_type] = content.pop(media_type)


def _too_many_headers() -> dict[str, Any]:
    headers = {"Retry-After": {"required": False, **_RETRY_AFTER}}
    for name, (description, kind) in _RATE_LIMIT_HEADERS.items():
        headers[name] = {"description": description, "schema": {"type": kind}}
    return headers


def _unavailable_headers() -> dict[str, Any]:
    return {"Retry-After": {"required": True, **_RETRY_AFTER}}
