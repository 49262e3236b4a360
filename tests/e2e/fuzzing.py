"""Schemathesis' engine in process over one of Folio's OpenAPI documents, with every check it
has, as ``st run --checks all`` would: what the two fuzz tests (the native API's and the
RealWorld API's) share.

Each API says how its errors look and which 422s its document states in words (an ``Api``);
the checks below ask the API of the operation under test."""

import asyncio
import os
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NotSet
from schemathesis.engine import Status, events, from_schema
from schemathesis.specs.openapi.checks import (
    ensure_resource_availability,
    positive_data_acceptance,
)

from application.sessions.tokens import ClientInfo
from application.users.register_user import RegisterUserCommand
from domain.ids import UserId
from domain.roles import Role
from domain.sessions.session import AuthMethod
from tests.e2e.helpers import PASSWORD

MAX_EXAMPLES = 20
# A new seed each run (fuzzing explores); FOLIO_FUZZ_SEED replays the one a failure names.
SEED = int(os.environ.get("FOLIO_FUZZ_SEED") or random.randrange(2**32))
CLIENT = ClientInfo(address="127.0.0.1", user_agent="schemathesis")
# The statuses schemathesis accepts for input the document calls invalid, and the body
# limit's 413.
# The password rules both APIs' password fields describe (domain/users/password_policy.py).
PASSWORD_RULES = ("is one of the most common passwords", "must not contain your ")
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]


@dataclass(frozen=True, slots=True)
class Api:
    """What the checks need to know of one API's errors.

    ``assert_error_format`` fails on an error reply not in the API's format;
    ``field_errors`` reads (field, message) pairs out of a 422's body; ``documented_rule``
    says whether such a pair is a rule the document states in words (a 422 for input the
    document's schemas allow)."""

    assert_error_format: Callable[[schemathesis.Response], None]
    field_errors: Callable[[Any], list[tuple[str, str]]]
    documented_rule: Callable[[str, str], bool]
    # Whether an earlier request of the scenario moved the case's resource to another path
    # (RealWorld's new title, new slug): its old path's 404 is then no lost resource.
    moved: Callable[[Any, Any], bool] = lambda recorder, case: False


# The API of each schema under test, by the schema's identity (checks are global).
_APIS: dict[int, Api] = {}


def config(accepted: list[str]) -> SchemathesisConfig:
    """Every built-in check, and ours; ``accepted``: the statuses with which the API may
    refuse input its document calls valid (for what it refers to: an unknown id...)."""
    return SchemathesisConfig.from_str(f"""
seed = {SEED}
[cache]
enabled = false  # no .schemathesis/ in the checkout; the seed alone decides what runs
[checks]
enabled = true
[checks.ensure_resource_availability]
enabled = false  # run by ensure_resource_availability_unless_moved
[checks.positive_data_acceptance]
enabled = false  # run by positive_data_acceptance_or_documented_rule, with these statuses
expected-statuses = {accepted!r}
[checks.negative_data_rejection]
expected-statuses = {[*REJECTIONS, "5xx"]!r}
[generation]
max-examples = {os.environ.get("FOLIO_FUZZ_EXAMPLES") or MAX_EXAMPLES}
[phases]
examples.enabled = true
coverage.enabled = true
fuzzing.enabled = true
stateful.enabled = true
""")


@schemathesis.check
def errors_in_the_api_format(ctx: Any, response: schemathesis.Response, case: Any) -> None:
    """Every 4xx and 5xx is in the format of the API under test."""
    if response.status_code >= 400:
        _APIS[id(case.operation.schema)].assert_error_format(response)


@schemathesis.check
def positive_data_acceptance_or_documented_rule(
    ctx: Any, response: schemathesis.Response, case: Any
) -> bool | None:
    """Schemathesis' positive_data_acceptance, except a 422 all of whose field errors are
    rules the document states in words."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except AssertionError:
        if response.status_code == 422:
            api = _APIS[id(case.operation.schema)]
            errors = api.field_errors(response.json()) or [("", "")]
            if all(api.documented_rule(field, message) for field, message in errors):
                return None
        raise


@schemathesis.check
def ensure_resource_availability_unless_moved(
    ctx: Any, response: schemathesis.Response, case: Any
) -> bool | None:
    """Schemathesis' ensure_resource_availability (a resource just created answers), except
    at a path the API under test says an earlier request moved it from."""
    try:
        return ensure_resource_availability(ctx, response, case)
    except AssertionError:
        recorder = ctx.internals.recorder
        if recorder is not None and _APIS[id(case.operation.schema)].moved(recorder, case):
            return None
        raise


class Fuzzer:
    """An account of ``role`` and a fresh session for every request: fuzzing the routes that
    end sessions (logging out, changing the password) or the account (deleting it,
    deactivating oneself) then spoils nothing; an account that ended is replaced."""

    def __init__(self, container: Any, role: Role = Role.ADMIN) -> None:
        self.container = container
        self.role = role
        self.user_id = self._register()

    def _register(self) -> UserId:
        email = f"fuzzer-{uuid.uuid4().hex[:8]}@example.com"
        command = RegisterUserCommand(email=email, name="Fuzzer", password=PASSWORD, role=self.role)
        return UserId(asyncio.run(self.container.register_user()(command)).id)

    async def _begin(self) -> str | None:
        async with self.container.unit_of_work() as uow:
            user = await uow.users.get(self.user_id)
            if user is None or not user.is_active or user.role != self.role:
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


def fuzz(schema: Any, api: Api, fuzzer: Fuzzer, scheme: str) -> list[str]:
    """Run every phase, each request with a fresh session's token sent as
    ``Authorization: <scheme> <token>``; the failures found, one line each."""

    @schema.auth(refresh_interval=None)
    class FreshSession:
        def get(self, case: Any, ctx: Any) -> str:
            return fuzzer.token()

        def set(self, case: Any, data: str, ctx: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"{scheme} {data}"}

    _APIS[id(schema)] = api
    found: dict[str, str] = {}
    try:
        for event in from_schema(schema).execute():
            if isinstance(event, events.ScenarioFinished):
                found |= failures_of(event.recorder)
            elif isinstance(event, events.NonFatalError | events.FatalError):
                found[f"engine error: {event!r}"] = ""
    finally:
        del _APIS[id(schema)]
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


def report(failures: list[str]) -> str:
    """What a failed fuzz test says: the seed that replays it, then each failure."""
    return "\n".join([f"FOLIO_FUZZ_SEED={SEED}", *failures])
