"""The vendored RealWorld OpenAPI document, and checks of replies against its schemas."""

from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

SPEC_FILE = Path(__file__).parent / "spec" / "openapi.yml"
METHODS = frozenset({"get", "post", "put", "patch", "delete"})


@cache
def spec() -> dict[str, Any]:
    return dict(yaml.safe_load(SPEC_FILE.read_text()))


def _resolved(node: Any) -> Any:
    """``node`` with every local ``$ref`` replaced by what it names (the document has no cycle)."""
    if isinstance(node, list):
        return [_resolved(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _resolved(target)
    return {key: _resolved(value) for key, value in node.items()}


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, /api path template, operation) for every operation of the specification."""
    return [
        (method.upper(), "/api" + path, operation)
        for path, item in spec()["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def success_status(method: str, path: str) -> int:
    operation = spec()["paths"][path.removeprefix("/api")][method.lower()]
    return min(int(status) for status in operation["responses"] if status.startswith("2"))


def assert_conforms(body: Any, response: str) -> None:
    """``body`` matches the schema of the specification's ``components/responses/<response>``."""
    schema = _resolved(spec()["components"]["responses"][response])
    schema = schema["content"]["application/json"]["schema"]
    errors = [error.message for error in jsonschema_rs.validator_for(schema).iter_errors(body)]
    assert not errors, (response, errors, body)
