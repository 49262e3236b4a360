"""Corrections FastAPI cannot express on its own in the OpenAPI document: error replies,
request validation's 422 included, are application/problem+json, a body may meet the body
limits' 413, and an optional token is optional."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from entrypoints.http.problems import PROBLEM_MEDIA_TYPE

BEARER_SCHEME = "OAuth2PasswordBearer"
OPTIONAL_BEARER_SCHEME = "OptionalOAuth2PasswordBearer"
_PROBLEM_REF = "#/components/schemas/Problem"
_FASTAPI_422_REF = "#/components/schemas/HTTPValidationError"


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
                _validation_errors_are_problems(operation)
                _document_the_body_limits(operation)
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


def _validation_errors_are_problems(operation: dict[str, Any]) -> None:
    """FastAPI documents its own 422 body where a route names none; the app answers a problem."""
    content = operation.get("responses", {}).get("422", {}).get("content", {})
    if content.get("application/json", {}).get("schema", {}).get("$ref") == _FASTAPI_422_REF:
        content["application/json"]["schema"] = {"$ref": _PROBLEM_REF}


def _document_the_body_limits(operation: dict[str, Any]) -> None:
    """Every body passes entrypoints/http/body_limit.py first."""
    if "requestBody" in operation:
        operation["responses"].setdefault(
            "413",
            {
                "description": "The body is over FOLIO_MAX_BODY_BYTES, or its JSON nests deeper "
                "than FOLIO_MAX_JSON_DEPTH or has an array longer than FOLIO_MAX_JSON_ARRAY_ITEMS",
                "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _PROBLEM_REF}}},
            },
        )


def _serve_problems_as_problem_json(operation: dict[str, Any]) -> None:
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        for media_type, body in list(content.items()):
            if status[0] in "45" and body.get("schema", {}).get("$ref") == _PROBLEM_REF:
                content[PROBLEM_MEDIA_TYPE] = content.pop(media_type)


def _make_optional_token_optional(operation: dict[str, Any]) -> None:
    """Public routes accept a token but do not need one: ``[{}, {bearer}]`` says so."""
    if any(OPTIONAL_BEARER_SCHEME in requirement for requirement in operation.get("security", [])):
        operation["security"] = [{}, {BEARER_SCHEME: []}]
