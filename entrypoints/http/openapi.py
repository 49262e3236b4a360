"""Corrections FastAPI cannot express on its own in the OpenAPI document: error replies,
request validation's 422 included, are application/problem+json, the middleware's refusals
(413, 429, 503: entrypoints/http/openapi_common.py) may answer, and an optional token is
optional."""

from typing import Any

from fastapi import FastAPI

from entrypoints.http.openapi_common import ErrorContent, RouteOrder, install_corrected_openapi
from entrypoints.http.problems import PROBLEM_MEDIA_TYPE

BEARER_SCHEME = "OAuth2PasswordBearer"
OPTIONAL_BEARER_SCHEME = "OptionalOAuth2PasswordBearer"
_PROBLEM_REF = "#/components/schemas/Problem"
_FASTAPI_422_REF = "#/components/schemas/HTTPValidationError"
PROBLEMS = ErrorContent(PROBLEM_MEDIA_TYPE, _PROBLEM_REF)


def install_openapi(app: FastAPI, documented: RouteOrder = list) -> None:
    """``documented`` puts the app's routes in the order the document lists them (the app may
    try them in another: entrypoints/http/router_order.py)."""
    install_corrected_openapi(
        app,
        PROBLEMS,
        _validation_errors_are_problems,
        (BEARER_SCHEME, OPTIONAL_BEARER_SCHEME),
        documented=documented,
    )


def _validation_errors_are_problems(operation: dict[str, Any]) -> None:
    """FastAPI documents its own 422 body where a route names none; the app answers a problem."""
    content = operation.get("responses", {}).get("422", {}).get("content", {})
    if content.get("application/json", {}).get("schema", {}).get("$ref") == _FASTAPI_422_REF:
        content["application/json"]["schema"] = {"$ref": _PROBLEM_REF}
