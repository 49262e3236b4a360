"""Corrections FastAPI cannot express on its own in the OpenAPI document: error replies,
request validation's 422 included, are application/problem+json, the middleware's refusals
(413, 429, 503: entrypoints/http/openapi_common.py) may answer, and an optional token is
optional."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from entrypoints.http.openapi_common import (
    ErrorContent,
    document_refusals,
    drop_scheme,
    make_token_optional,
    operations,
)
from entrypoints.http.problems import PROBLEM_MEDIA_TYPE

BEARER_SCHEME = "OAuth2PasswordBearer"
OPTIONAL_BEARER_SCHEME = "OptionalOAuth2PasswordBearer"
_PROBLEM_REF = "#/components/schemas/Problem"
_FASTAPI_422_REF = "#/components/schemas/HTTPValidationError"
PROBLEMS = ErrorContent(PROBLEM_MEDIA_TYPE, _PROBLEM_REF)


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            document_refusals(document, PROBLEMS)
            for _, operation in operations(document):
                _validation_errors_are_problems(operation)
                _serve_problems_as_problem_json(operation)
                make_token_optional(operation, OPTIONAL_BEARER_SCHEME, BEARER_SCHEME)
            drop_scheme(document, OPTIONAL_BEARER_SCHEME)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _validation_errors_are_problems(operation: dict[str, Any]) -> None:
    """FastAPI documents its own 422 body where a route names none; the app answers a problem."""
    content = operation.get("responses", {}).get("422", {}).get("content", {})
    if content.get("application/json", {}).get("schema", {}).get("$ref") == _FASTAPI_422_REF:
        content["application/json"]["schema"] = {"$ref": _PROBLEM_REF}


def _serve_problems_as_problem_json(operation: dict[str, Any]) -> None:
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        for media_type, body in list(content.items()):
            if status[0] in "45" and body.get("schema", {}).get("$ref") == _PROBLEM_REF:
                content[PROBLEM_MEDIA_TYPE] = content.pop(media_type)
