"""The RealWorld API's OpenAPI document, corrected where FastAPI cannot say it on its own:
request validation's 422 is RealWorld's error model, the middleware's refusals (413, 429, 503:
entrypoints/http/openapi_common.py) may answer, and a token that a route takes but does not
need is optional."""

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
from entrypoints.realworld.responses import RealWorldJSONResponse
from entrypoints.realworld.schemas.errors import DESCRIPTIONS

AUTH_SCHEME = "Token"
OPTIONAL_AUTH_SCHEME = "OptionalToken"
ERRORS_REF = "#/components/schemas/GenericErrorModel"
_FASTAPI_422_REF = "#/components/schemas/HTTPValidationError"
_FASTAPI_MODELS = ("HTTPValidationError", "ValidationError")
ERRORS = ErrorContent(RealWorldJSONResponse.media_type, ERRORS_REF)


def install_openapi(app: FastAPI, prefix: str) -> None:
    """``prefix``: where the app is mounted."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                servers=app.servers,
            )
            document_refusals(document, ERRORS, prefix)
            for _, operation in operations(document):
                _validation_errors_are_realworld_errors(operation)
                _serve_errors_as_realworld_json(operation)
                make_token_optional(operation, OPTIONAL_AUTH_SCHEME, AUTH_SCHEME)
            drop_scheme(document, OPTIONAL_AUTH_SCHEME)
            schemas = document.get("components", {}).get("schemas", {})
            for name in _FASTAPI_MODELS:
                schemas.pop(name, None)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _validation_errors_are_realworld_errors(operation: dict[str, Any]) -> None:
    """FastAPI documents its own 422 where a route names none; the app answers RealWorld's."""
    responses = operation.get("responses", {})
    content = responses.get("422", {}).get("content", {})
    if any(body.get("schema", {}).get("$ref") == _FASTAPI_422_REF for body in content.values()):
        responses["422"] = ERRORS.response(DESCRIPTIONS[422])


def _serve_errors_as_realworld_json(operation: dict[str, Any]) -> None:
    """Under the media type every RealWorld error has, routes with no body (the deletions)
    included."""
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        for media_type, body in list(content.items()):
            if status[0] in "45" and body.get("schema", {}).get("$ref") == ERRORS_REF:
                content[ERRORS.media_type] = content.pop(media_type)
