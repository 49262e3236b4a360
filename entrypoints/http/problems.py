"""RFC 9457 problem documents: the one shape of every error reply."""

from collections.abc import Mapping, Sequence
from http import HTTPStatus

from fastapi import Request
from fastapi.responses import JSONResponse

from entrypoints.http.schemas.common import FieldError, Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:folio:problem:"


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
    """A problem reply. Without ``kind`` the type is about:blank and the title the status's."""
    problem = Problem(
        type=PROBLEM_TYPE_PREFIX + kind if kind else "about:blank",
        title=title or _phrase(status),
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
