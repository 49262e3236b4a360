"""Schemathesis against the native OpenAPI document, on the memory backend, with every check it
has: its engine runs the examples, coverage, fuzzing and stateful phases (the links it infers
between operations) over every operation, as ``st run --checks all`` would, in process
(tests/e2e/fuzzing.py).

Whatever the input: no 5xx; every error reply is an RFC 9457 problem document; every reply has
a status, headers, media type and body that the document announces; input the document calls
invalid is refused (4xx) and input it calls valid is not refused as invalid; a method a path
does not take is a 405 whose ``Allow`` lists exactly the methods it does; a missing required
header or credential is refused.

What JSON Schema cannot say is said in the document's words and listed in DOCUMENTED_RULES:
a well-formed request may still be refused for what it refers to (an unknown token or link,
400; a stale ``If-Match``, 412; an unknown id, 404) or by one of those rules (422)."""

from typing import Any

import pytest
import schemathesis

from domain.posts.search import SearchQuery
from domain.posts.values import Tag
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container
from tests.e2e.fuzzing import PASSWORD_RULES, Api, Fuzzer, config, fuzz, report
from tests.e2e.helpers import PROBLEM

# The statuses of a refusal of input the document calls valid, for what it refers to.
ACCEPTED = ["2xx", "3xx", "400", "401", "403", "404", "409", "412", "429"]
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
# email_validator's refusal of special-use domains (RFC 6761: .test, .invalid, .localhost...).
SPECIAL_USE_DOMAIN = "special-use or reserved name"


def assert_problem_document(response: schemathesis.Response) -> None:
    """application/problem+json with type, title and status."""
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith(PROBLEM), f"error reply served as {content_type!r}"
    body = response.json()
    assert isinstance(body, dict), "a problem document is a JSON object"
    assert {"type", "title", "status"} <= body.keys(), f"not a problem document: {body}"
    assert body["status"] == response.status_code


def field_errors(problem: Any) -> list[tuple[str, str]]:
    return [(error["field"], error["message"]) for error in problem.get("errors") or []]


def documented_rule(field: str, message: str) -> bool:
    if (field, message) in DOCUMENTED_RULES:
        return True
    if field.endswith("password") and message.startswith(PASSWORD_RULES):
        return True
    return field.endswith("email") and SPECIAL_USE_DOMAIN in message


NATIVE = Api(assert_problem_document, field_errors, documented_rule)


@pytest.mark.fuzz
@pytest.mark.timeout(240)
def test_the_api_does_what_its_document_says_whatever_the_input() -> None:
    container = make_container(outbox_relay_in_app=False)  # delivery is not under test here
    app = create_app(container)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config(ACCEPTED))
    assert len(list(schema.get_all_operations())) >= 60
    failures = fuzz(schema, NATIVE, Fuzzer(container), scheme="Bearer")
    assert not failures, report(failures)
