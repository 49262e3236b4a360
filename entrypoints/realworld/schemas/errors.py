"""``{"errors": {"field": ["message", ...]}}`` in the OpenAPI document, and the error replies
each route declares (the middleware's 413, 429 and 503 are added to every operation by
entrypoints/http/openapi_common.py)."""

from pydantic import BaseModel, ConfigDict, Field

TOKEN_CHALLENGE_HEADER = {
    "WWW-Authenticate": {
        "description": "`Token`: how to authenticate",
        "required": True,
        "schema": {"type": "string"},
    }
}
CHECKED_IF_SENT = (
    "A token was sent and is malformed, forged, expired or revoked (`token: is invalid`): "
    "checked even where none is needed"
)
LOGIN_REFUSED = (
    "Wrong e-mail or password (`credentials: invalid`), or two-factor login is on for the "
    "account (RealWorld has no second step: log in at POST /token)"
)
TAKEN = (
    "A field is missing, blank, of the wrong type or breaks a rule the document states; an "
    "e-mail address or username someone else has (whatever its case) is "
    "`has already been taken`"
)
DESCRIPTIONS = {
    401: (
        "No token where one is needed (`token: is missing`), or a token that is malformed, "
        "forged, expired or revoked (`token: is invalid`), on any route that reads one"
    ),
    403: "Not the caller's to change (`article: forbidden`, `comment: forbidden`)",
    404: "No such article, profile or comment (`article: not found`...)",
    422: "A field is missing, blank, of the wrong type or breaks a rule the document states",
}


class GenericErrorModel(BaseModel):
    """Every error reply. The keys are the fields at fault as RealWorld names them, or the
    resource of the path (``article``, ``profile``, ``comment``, ``token``, ``credentials``);
    ``body`` (the specification's one key) for errors that concern none."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"errors": {"title": ["can't be blank"]}}]}
    )

    errors: dict[str, list[str]] = Field(
        json_schema_extra={
            "minProperties": 1,
            "additionalProperties": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        }
    )


def error_responses(
    *statuses: int, descriptions: dict[int, str] | None = None
) -> dict[int | str, dict[str, object]]:
    """The ``responses`` entry of a route that may answer these error statuses (a 401 with
    its ``WWW-Authenticate`` challenge); ``descriptions`` replaces the usual ones."""
    described = DESCRIPTIONS | (descriptions or {})
    responses: dict[int | str, dict[str, object]] = {}
    for status in statuses:
        responses[status] = {"model": GenericErrorModel, "description": described[status]}
        if status == 401:
            responses[status]["headers"] = TOKEN_CHALLENGE_HEADER
    return responses
