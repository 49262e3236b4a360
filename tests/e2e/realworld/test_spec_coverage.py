"""Every operation of the vendored specification is served, with its success status, as
Folio's own /api OpenAPI document tells."""

import re
from typing import Any

from httpx import AsyncClient

from tests.e2e.realworld.spec import METHODS, operations, success_status

_PARAMETER = re.compile(r"\{[^}]+\}")


def _template(path: str) -> str:
    return _PARAMETER.sub("{}", path)


def _served(document: dict[str, Any]) -> dict[tuple[str, str], int]:
    return {
        (method.upper(), _template("/api" + path)): min(
            int(status) for status in operation["responses"] if status.startswith("2")
        )
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


async def test_every_operation_is_served_with_its_status(client: AsyncClient) -> None:
    response = await client.get("/api/openapi.json")
    assert response.status_code == 200
    served = _served(response.json())
    expected = {
        (method, _template(path)): success_status(method, path) for method, path, _ in operations()
    }
    assert len(expected) == 19
    assert {key: served.get(key) for key in expected} == expected
