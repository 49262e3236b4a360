"""Schemathesis against the OpenAPI document, on the memory backend: whatever the input,
no 5xx, every error reply is an RFC 9457 problem document, and every reply has a status,
media type and body that the document announces.

The operations are driven one by one from a single test (as subtests) rather than through
``schema.parametrize()``: that needs the app at import time, which would wire the routers to
this module's container for every other test, and its lazy ``from_fixture`` form does not
run on pytest 9."""

import asyncio
import time
import uuid
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from application.sessions.tokens import ClientInfo
from application.users.register_user import RegisterUserCommand
from domain.ids import UserId
from domain.sessions.session import AuthMethod
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container
from tests.e2e.helpers import PASSWORD, PROBLEM

MAX_EXAMPLES = 30
BUDGET_SECONDS_PER_OPERATION = 6.0  # the whole run's budget grows with the API
CLIENT = ClientInfo(address="127.0.0.1", user_agent="schemathesis")


def problem_documents(ctx: Any, response: schemathesis.Response, case: Any) -> None:
    """Every 4xx and 5xx is application/problem+json with type, title and status."""
    if response.status_code < 400:
        return
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith(PROBLEM), f"error reply served as {content_type!r}"
    body = response.json()
    assert isinstance(body, dict), "a problem document is a JSON object"
    assert {"type", "title", "status"} <= body.keys(), f"not a problem document: {body}"
    assert body["status"] == response.status_code


CHECKS = [
    not_a_server_error,
    problem_documents,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def register_the_fuzzer(container: Any) -> UserId:
    email = f"fuzzer-{uuid.uuid4().hex[:8]}@example.com"
    command = RegisterUserCommand(email=email, name="Fuzzer", password=PASSWORD)
    return UserId(asyncio.run(container.register_user()(command)).id)


def bearer_token_of_a_fresh_session(container: Any, user_id: UserId) -> dict[str, str] | None:
    """A new session for each operation: fuzzing /logout, /logout-all or /me/password (the
    schema's example is the fuzzer's password) ends sessions. None once the account is gone
    (fuzzing DELETE /me with that password deletes it)."""

    async def begin() -> str | None:
        async with container.unit_of_work() as uow:
            user = await uow.users.get(user_id)
            if user is None:
                return None
            now = container.clock().now()
            pair = container.sessions.issuer().begin(uow, user, AuthMethod.PASSWORD, CLIENT, now)
            await uow.commit()
        return str(pair.access.token)

    token = asyncio.run(begin())
    return None if token is None else {"Authorization": f"Bearer {token}"}


@pytest.mark.fuzz
def test_any_input_gets_a_problem_document_never_a_5xx(subtests: pytest.Subtests) -> None:
    container = make_container(outbox_relay_in_app=False)  # delivery is not under test here
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(container))
    fuzzer = register_the_fuzzer(container)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    budget = BUDGET_SECONDS_PER_OPERATION * len(operations)
    deadline = time.monotonic() + budget

    auth: dict[str, dict[str, str]] = {}
    for operation in operations:
        headers = bearer_token_of_a_fresh_session(container, fuzzer)
        if headers is None:  # the last operation deleted the account: a new fuzzer
            fuzzer = register_the_fuzzer(container)
            headers = bearer_token_of_a_fresh_session(container, fuzzer)
        assert headers is not None
        auth["headers"] = headers
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            if time.monotonic() > deadline:
                pytest.fail(f"fuzzing budget of {budget}s spent before {operation.label}")

            @settings(
                max_examples=MAX_EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def exercise(case: schemathesis.Case) -> None:
                response = case.call(headers=auth["headers"])
                case.validate_response(response, checks=CHECKS)

            with subtests.test(msg=f"{mode.value} {operation.label}"):
                try:
                    exercise()
                except Unsatisfiable:
                    # Nothing to break in an operation without parameters or body (GET /me).
                    if mode is GenerationMode.POSITIVE:
                        raise
