from httpx import AsyncClient

from domain.users.values import Username

PROBLEM_CONTENT = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


async def test_the_openapi_document_describes_auth_and_problems(client: AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert schemes == {
        "OAuth2PasswordBearer": {
            "type": "oauth2",
            "flows": {"password": {"scopes": {}, "tokenUrl": "token"}},
        }
    }
    paths = document["paths"]
    assert paths["/posts"]["get"]["security"] == [{}, {"OAuth2PasswordBearer": []}]
    assert paths["/posts"]["post"]["security"] == [{"OAuth2PasswordBearer": []}]
    not_found = paths["/posts/{post_id}"]["get"]["responses"]["404"]["content"]
    assert not_found == {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    register = document["components"]["schemas"]["RegisterUserIn"]
    assert register["additionalProperties"] is False
    assert register["examples"]
    username = register["properties"]["username"]["anyOf"][0]
    assert username["pattern"] == Username.PATTERN


async def test_swagger_ui_is_served(client: AsyncClient) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    assert "swagger" in response.text.lower()


async def test_every_operation_documents_the_middlewares_refusals(client: AsyncClient) -> None:
    """429 everywhere (the per-address limit covers every route), 503 wherever storage or the
    rate limits' store may be out of reach: all but /healthz, which touches neither."""
    document = (await client.get("/openapi.json")).json()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            too_many = responses["429"]
            assert too_many["content"] == PROBLEM_CONTENT, (method, path)
            assert {"Retry-After", "RateLimit", "RateLimit-Policy"} <= too_many["headers"].keys()
            assert ("503" in responses) == (path != "/healthz"), (method, path)
            assert ("413" in responses) == ("requestBody" in operation), (method, path)
    unavailable = document["paths"]["/posts"]["get"]["responses"]["503"]
    assert unavailable["headers"]["Retry-After"]["required"] is True
