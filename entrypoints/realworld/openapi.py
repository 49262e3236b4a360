"""The RealWorld API's OpenAPI document, corrected where FastAPI cannot say it on its own:
request validation's 422 is RealWorld's error model, the middleware's refusals (413, 429, 503:
entrypoints/http/openapi_common.py) may answer, and a token that a route takes but does not
need is optional."""

from typing import Any

from fastapi import FastAPI

from entrypoints.http.openapi_common import ErrorContent, install_corrected_openapi
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
    install_corrected_openapi(
        app,
        ERRORS,
        _validation_errors_are_realworld_errors,
        (AUTH_SCHEME, OPTIONAL_AUTH_SCHEME),
        prefix,
        _FASTAPI_MODELS,
    )


def _validation_errors_are_realworld_errors(operation: dict[str, Any]) -> None:
    """FastAPI documents its own 422 where a route names none; the app answers RealWorld's."""
    responses = operation.get("responses", {})
    content = responses.get("422", {}).get("content", {})
    if any(body.get("schema", {}).get("$ref") == _FASTAPI_422_REF for body in content.values()):
        responses["422"] = ERRORS.response(DESCRIPTIONS[422])
