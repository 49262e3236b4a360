from httpx import AsyncClient

from domain.users.values import Username


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
