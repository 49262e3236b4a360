"""Two corrections FastAPI cannot express on its own in the OpenAPI document:
error replies are application/problem+json, and an optional token is optional."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from entrypoints.http.problems import PROBLEM_MEDIA_TYPE

BEARER_SCHEME = "OAuth2PasswordBearer"
OPTIONAL_BEARER_SCHEME = "OptionalOAuth2PasswordBearer"
_PROBLEM_REF = "#/components/schemas/Problem"


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            for operation in _operations(document):
                _serve_problems_as_problem_json(operation)
                _make_optional_token_optional(operation)
            document.get("components", {}).get("securitySchemes", {}).pop(
                OPTIONAL_BEARER_SCHEME, None
            )
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for path in document.get("paths", {}).values() for op in path.values()]


def _serve_problems_as_problem_json(operation: dict[str, Any]) -> None:
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        if (
            status[0] in "45"
            and content.get("application/json", {}).get("schema", {}).get("$ref") == _PROBLEM_REF
        ):
            content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")


def _make_optional_token_optional(operation: dict[str, Any]) -> None:
    """Public routes accept a token but do not need one: ``[{}, {bearer}]`` says so."""
    if any(OPTIONAL_BEARER_SCHEME in requirement for requirement in operation.get("security", [])):
        operation["security"] = [{}, {BEARER_SCHEME: []}]
