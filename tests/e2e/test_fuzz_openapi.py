"""Schemathesis against the OpenAPI document, on the memory backend, with every check it has:
its engine runs the examples, coverage, fuzzing and stateful phases (the links it infers
between operations) over every operation, as ``st run --checks all`` would, in process.

Whatever the input: no 5xx; every error reply is an RFC 9457 problem document; every reply has
a status, headers, media type and body that the document announces; input the document calls
invalid is refused (4xx) and input it calls valid is not refused as invalid; a method a path
does not take is a 405 whose ``Allow`` lists exactly the methods it does; a missing required
header or credential is refused.

What JSON Schema cannot say is said in the document's words and listed in DOCUMENTED_RULES:
a well-formed request may still be refused for what it refers to (an unknown token or link,
400; a stale ``If-Match``, 412; an unknown id, 404) or by one of those rules (422)."""

import asyncio
import os
import random
import uuid
from typing import Any

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NotSet
from schemathesis.engine import Status, events, from_schema
from schemathesis.specs.openapi.checks import positive_data_acceptance

from application.sessions.tokens import ClientInfo
from application.users.register_user import RegisterUserCommand
from domain.ids import UserId
from domain.posts.search import SearchQuery
from domain.posts.values import Tag
from domain.roles import Role
from domain.sessions.session import AuthMethod
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container
from tests.e2e.helpers import PASSWORD, PROBLEM

MAX_EXAMPLES = 20
# A new seed each run (fuzzing explores); FOLIO_FUZZ_SEED replays the one a failure names.
SEED = int(os.environ.get("FOLIO_FUZZ_SEED") or random.randrange(2**32))
CLIENT = ClientInfo(address="127.0.0.1", user_agent="schemathesis")
# Every built-in check, the document's own 2xx-or-refusal statuses for valid input, and ours.
CONFIG = f"""
seed = {SEED}
[cache]
enabled = false  # no .schemathesis/ in the checkout; the seed alone decides what runs
[checks]
enabled = true
[checks.positive_data_acceptance]
enabled = false  # run by positive_data_acceptance_or_documented_rule, with these statuses
expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "412", "429"]
[checks.negative_data_rejection]  # schemathesis' statuses, and the body limit's 413
expected-statuses = [
    "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"
]
[generation]
max-examples = {os.environ.get("FOLIO_FUZZ_EXAMPLES") or MAX_EXAMPLES}
[phases]
examples.enabled = true
coverage.enabled = true
fuzzing.enabled = true
stateful.enabled = true
"""
# (field, message) of the 422s for rules a parameter's or operation's description states.
DOCUMENTED_RULES = {
    ("cursor", "not a cursor this list gave out"),
    ("cursor", "give either skip or cursor, not both"),
    ("cursor", "search results are paged by skip, not by cursor"),
    ("username", "you cannot follow yourself"),
    ("q", "must contain at least one word to look for"),
    ("q", f"may contain at most {SearchQuery.MAX_TERMS} words or phrases"),
    ("name", "must contain a visible character"),
    # A tag is case-folded before its length is checked, and folding may lengthen it ("ß").
    ("tags", f"must be at most {Tag.MAX_LEN} characters"),
}
# The password rules the password fields describe (domain/users/password_policy.py).
PASSWORD_RULES = ("is one of the most common passwords", "must not contain your ")
# email_validator's refusal of special-use domains (RFC 6761: .test, .invalid, .localhost...).
SPECIAL_USE_DOMAIN = "special-use or reserved name"


@schemathesis.check
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


def _documented_rule(error: dict[str, str]) -> bool:
    if (error["field"], error["message"]) in DOCUMENTED_RULES:
        return True
    if error["field"].endswith("password") and error["message"].startswith(PASSWORD_RULES):
        return True
    return error["field"].endswith("email") and SPECIAL_USE_DOMAIN in error["message"]


@schemathesis.check
def positive_data_acceptance_or_documented_rule(
    ctx: Any, response: schemathesis.Response, case: Any
) -> bool | None:
    """Schemathesis' positive_data_acceptance, except a 422 all of whose field errors are
    DOCUMENTED_RULES."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except AssertionError:
        if response.status_code == 422:
            errors = response.json().get("errors") or [{"field": "", "message": ""}]
            if all(_documented_rule(error) for error in errors):
                return None
        raise


class Fuzzer:
    """An admin account and a fresh session for every request: fuzzing /logout, /logout-all,
    DELETE /me/sessions/{id} or POST /me/password ends sessions, and DELETE /me (the schema's
    example is the fuzzer's password) or deactivating oneself ends the account, which is then
    replaced."""

    def __init__(self, container: Any) -> None:
        self.container = container
        self.user_id = self._register()

    def _register(self) -> UserId:
        email = f"fuzzer-{uuid.uuid4().hex[:8]}@example.com"
        command = RegisterUserCommand(
            email=email, name="Fuzzer", password=PASSWORD, role=Role.ADMIN
        )
        return UserId(asyncio.run(self.container.register_user()(command)).id)

    async def _begin(self) -> str | None:
        async with self.container.unit_of_work() as uow:
            user = await uow.users.get(self.user_id)
            if user is None or not user.is_active_admin:
                return None
            now = self.container.clock().now()
            issuer = self.container.sessions.issuer()
            pair = issuer.begin(uow, user, AuthMethod.PASSWORD, CLIENT, now)
            await uow.commit()
        return str(pair.access.token)

    def token(self) -> str:
        token = asyncio.run(self._begin())
        while token is None:
            self.user_id = self._register()
            token = asyncio.run(self._begin())
        return token


def fuzz(schema: Any, fuzzer: Fuzzer) -> list[str]:
    """Run every phase; the failures found, one line each."""

    @schema.auth(refresh_interval=None)
    class FreshSession:
        def get(self, case: Any, ctx: Any) -> str:
            return fuzzer.token()

        def set(self, case: Any, data: str, ctx: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    found: dict[str, str] = {}
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            found |= failures_of(event.recorder)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            found[f"engine error: {event!r}"] = ""
    return [f"{title}\n    {example}" for title, example in sorted(found.items())]


def failures_of(recorder: Any) -> dict[str, str]:
    """Each failed check as "operation: check: what", with one request and its reply."""
    found = {}
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status != Status.FAILURE or check.failure_info is None:
                continue
            failure = check.failure_info.failure
            case = recorder.cases[case_id].value
            response = recorder.interactions[case_id].response
            reply = (
                "no reply" if response is None else f"{response.status_code} {response.content!r}"
            )
            body = "" if isinstance(case.body, NotSet) else repr(case.body)
            example = f"{case.method} {case.formatted_path} {case.query or ''} {body}: {reply}"
            found[f"{recorder.label}: {check.name}: {failure.title}"] = example[:600]
    return found


@pytest.mark.fuzz
@pytest.mark.timeout(240)
def test_the_api_does_what_its_document_says_whatever_the_input() -> None:
    container = make_container(outbox_relay_in_app=False)  # delivery is not under test here
    config = SchemathesisConfig.from_str(CONFIG)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(container), config=config)
    assert len(list(schema.get_all_operations())) >= 60
    failures = fuzz(schema, Fuzzer(container))
    assert not failures, "\n".join([f"FOLIO_FUZZ_SEED={SEED}", *failures])
