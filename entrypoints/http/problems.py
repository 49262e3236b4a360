"""RFC 9457 problem documents: the one shape of every error reply."""

from collections.abc import Mapping, Sequence
from http import HTTPStatus

from fastapi import Request
from fastapi.responses import JSONResponse

from entrypoints.http.schemas.common import FieldError, Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:folio:problem:"
# The kind of a problem that only has a status (the framework's 404, 405, 401...): the same URN
# scheme as Folio's own problems, so a client can switch on ``type`` alone.
STATUS_KINDS: dict[int, tuple[str, str]] = {
    400: ("bad-request", "Bad request"),
    401: ("authentication-failed", "Authentication failed"),
    403: ("permission-denied", "Permission denied"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("validation-error", "Invalid request"),
    429: ("rate-limited", "Too many requests"),
    500: ("internal-error", "Internal server error"),
    503: ("service-unavailable", "Service unavailable"),
}


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem_response(
    request: Request,
    status: int,
    *,
    kind: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
    request_id: str | None = None,
) -> ProblemResponse:
    """A problem reply. Without ``kind`` (and ``title``) they are the status's own."""
    default_kind, default_title = STATUS_KINDS.get(status, (_slug(status), _phrase(status)))
    problem = Problem(
        type=PROBLEM_TYPE_PREFIX + (kind or default_kind),
        title=title or default_title,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=list(errors) if errors is not None else None,
        request_id=request_id,
    )
    return ProblemResponse(problem.model_dump(mode="json"), status, headers=dict(headers or {}))


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _slug(status: int) -> str:
    return _phrase(status).lower().replace(" ", "-").replace("'", "") or f"http-{status}"
