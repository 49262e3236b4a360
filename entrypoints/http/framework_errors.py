"""Problems for what FastAPI and Starlette refuse before a route runs: bodies that are not
JSON, and methods a path does not take (with the Allow header listing those it does)."""

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

from entrypoints.http.problems import problem_response
from entrypoints.http.schemas.common import FieldError

NOT_JSON = "the request body is not valid JSON (or not UTF-8)"
_PROBED_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_REQUEST_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})


def is_not_json(errors: list[Any]) -> bool:
    """Whether FastAPI's validation errors say the body could not be decoded as JSON."""
    return any(item.get("type") == "json_invalid" for item in errors)


def not_json_errors() -> list[FieldError]:
    return [FieldError(field="", message=NOT_JSON)]


def is_undecodable_body(error: BaseException) -> bool:
    """FastAPI's 400 for a JSON body it could not even decode (invalid UTF-8)."""
    return isinstance(error.__cause__, ValueError)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app answers at this path (HEAD with GET)."""
    allowed = {
        method
        for method in _PROBED_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in request.app.router.routes
        )
    }
    if "GET" in allowed:
        allowed.add("HEAD")
    return sorted(allowed)


async def handle_request_validation_error(request: Request, error: Exception) -> Response:
    if not isinstance(error, RequestValidationError):
        raise error
    if is_not_json(list(error.errors())):
        return _not_json(request)
    # Built from loc and msg only: pydantic's ``input`` and ``ctx`` may hold a password.
    errors = _field_errors(list(error.errors()))
    first = errors[0] if errors else None
    detail = "the request is invalid"
    if first is not None:
        detail = f"{first.field or 'body'}: {first.message}"
        if len(errors) > 1:
            detail += f" (and {len(errors) - 1} more)"
    return problem_response(
        request, 422, kind="validation-error", title="Invalid request", detail=detail, errors=errors
    )


async def handle_http_exception(request: Request, error: Exception) -> Response:
    if not isinstance(error, StarletteHTTPException):
        raise error
    if error.status_code == 400 and is_undecodable_body(error):
        return _not_json(request)
    detail = error.detail if isinstance(error.detail, str) else None
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return problem_response(request, error.status_code, detail=detail, headers=headers)


def _not_json(request: Request) -> Response:
    return problem_response(
        request,
        422,
        kind="validation-error",
        title="Invalid request",
        detail=NOT_JSON,
        errors=not_json_errors(),
    )


def _field_errors(items: list[Any]) -> list[FieldError]:
    """One error per field and message. An optional field (``X | None``) fails on each member
    of its union: the null member's complaint is dropped when the other member has one, and
    pydantic's member tags (``constrained-str``, ``none``) are left out of the field's name."""
    fields_with_value_errors = {
        _field_name(item) for item in items if item.get("type") != "none_required"
    }
    errors: list[FieldError] = []
    for item in items:
        field = _field_name(item)
        if item.get("type") == "none_required" and field in fields_with_value_errors:
            continue
        found = FieldError(field=field, message=str(item.get("msg", "is invalid")))
        if found not in errors:
            errors.append(found)
    return errors


def _field_name(item: Any) -> str:
    loc = [str(part) for part in item.get("loc", ())]
    if loc and loc[0] in _REQUEST_LOCATIONS:
        loc = loc[1:]
    if len(loc) > 1 and item.get("type") == "none_required" and loc[-1] == "none":
        loc = loc[:-1]
    return ".".join(loc[:1] + [part for part in loc[1:] if not _is_union_tag(part)])


def _is_union_tag(part: str) -> bool:
    return "-" in part or "[" in part
