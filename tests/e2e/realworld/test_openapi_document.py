"""/api/openapi.json says what the RealWorld API answers: who needs a token, the errors in
RealWorld's format, and the middleware's refusals on every operation (the fuzz test,
test_fuzz_openapi.py, checks the replies against it)."""

from typing import Any

from httpx import AsyncClient

from tests.e2e.realworld.helpers import JSON_UTF8
from tests.e2e.realworld.spec import METHODS

ERRORS = {JSON_UTF8: {"schema": {"$ref": "#/components/schemas/GenericErrorModel"}}}


async def _operations(client: AsyncClient) -> dict[tuple[str, str], Any]:
    document = (await client.get("/api/openapi.json")).json()
    return {
        (method.upper(), path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


async def test_tokens_are_needed_optional_or_unsaid_as_the_routes_take_them(
    client: AsyncClient,
) -> None:
    operations = await _operations(client)
    security = {key: operation.get("security") for key, operation in operations.items()}
    optional, needed = [{}, {"Token": []}], [{"Token": []}]
    assert security["GET", "/tags"] is None
    assert security["POST", "/users/login"] is None
    assert security["POST", "/users"] is None
    for path in ("/articles", "/articles/{slug}", "/articles/{slug}/comments"):
        assert security["GET", path] == optional
    assert security["GET", "/profiles/{username}"] == optional
    assert security["GET", "/articles/feed"] == needed
    assert security["POST", "/articles"] == needed
    assert security["PUT", "/user"] == needed


async def test_every_operation_documents_its_errors_and_the_middlewares(
    client: AsyncClient,
) -> None:
    operations = await _operations(client)
    assert len(operations) == 19
    for (method, path), operation in operations.items():
        responses = operation["responses"]
        assert {"429", "503"} <= responses.keys(), (method, path)
        assert responses["503"]["headers"]["Retry-After"]["required"] is True
        assert ("413" in responses) == ("requestBody" in operation), (method, path)
        if operation.get("security") or path == "/tags":
            assert responses["401"]["headers"]["WWW-Authenticate"]["required"] is True
        for status, response in responses.items():
            if status >= "400":
                assert response["content"] == ERRORS, (method, path, status)
    assert {"401", "403", "404", "422"} <= operations["PUT", "/articles/{slug}"]["responses"].keys()
    assert "401" in operations["POST", "/users/login"]["responses"]


async def test_request_bodies_state_what_is_refused(client: AsyncClient) -> None:
    schemas = (await client.get("/api/openapi.json")).json()["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    login = schemas["LoginUser"]["properties"]
    assert login["email"]["minLength"] == login["password"]["minLength"] == 1
    assert schemas["NewUser"]["properties"]["password"]["minLength"] == 10
    assert schemas["NewArticle"]["properties"]["title"]["minLength"] == 5
    assert schemas["NewArticle"]["properties"]["title"]["maxLength"] == 200
    assert schemas["UpdateUser"]["anyOf"] == [
        {"required": [field]} for field in ("email", "username", "password", "bio", "image")
    ]
