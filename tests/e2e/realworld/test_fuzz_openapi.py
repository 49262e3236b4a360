"""Schemathesis against the RealWorld API's OpenAPI document (/api/openapi.json), as
tests/e2e/test_fuzz_openapi.py runs it against the native one (tests/e2e/fuzzing.py): every
operation, every phase, every check; each request with a fresh session of a plain user.

Whatever the input: no 5xx; every error reply is in RealWorld's format,
``{"errors": {"field": ["message", ...]}}``; every reply has a status, headers, media type and
body that the document announces; input the document calls invalid is refused and input it
calls valid is not refused as invalid, but for what it refers to (an unknown slug, 404; someone
else's article, 403) or by a rule the document states in words (DOCUMENTED_RULES, 422)."""

from typing import Any

import pytest
import schemathesis

from domain.posts.values import Tag
from domain.roles import Role
from domain.users.values import Email
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container
from tests.e2e.fuzzing import PASSWORD_RULES, Api, Fuzzer, config, fuzz, report

ACCEPTED = ["2xx", "401", "403", "404", "429"]
# (field, message) of the 422s for rules a field's or operation's description states.
DOCUMENTED_RULES = {
    ("cursor", "not a cursor this list gave out"),
    ("cursor", "give either offset or cursor, not both"),
    ("username", "you cannot follow yourself"),
    ("email", "has already been taken"),
    ("username", "has already been taken"),
    ("email", "is not a valid e-mail address"),
    ("email", "must be at least 3 characters"),
    ("email", f"must be at most {Email.MAX_LEN} characters"),
    # A tag is case-folded before its length is checked, and folding may lengthen it ("ß").
    ("tagList", f"must be at most {Tag.MAX_LEN} characters"),
    ("tag", f"must be at most {Tag.MAX_LEN} characters"),
}


def assert_realworld_errors(response: schemathesis.Response) -> None:
    """JSON (with its charset, as every RealWorld reply), an object whose ``errors`` maps
    each field to one or more messages."""
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type == "application/json; charset=utf-8", content_type
    body = response.json()
    assert isinstance(body, dict), body
    assert body.keys() == {"errors"}, f"not RealWorld's error format: {body}"
    assert isinstance(body["errors"], dict), body
    assert body["errors"], "an error names at least one field"
    for field, messages in body["errors"].items():
        assert isinstance(field, str), body
        assert isinstance(messages, list), body
        assert messages, body
        assert all(isinstance(message, str) and message for message in messages), body


def field_errors(body: Any) -> list[tuple[str, str]]:
    return [(field, message) for field, messages in body["errors"].items() for message in messages]


def documented_rule(field: str, message: str) -> bool:
    if field == "password" and message.startswith(PASSWORD_RULES):
        return True
    return (field, message) in DOCUMENTED_RULES


def renamed(recorder: Any, case: Any) -> bool:
    """A successful PUT /articles/{slug} on the case's slug gave the article another slug (a
    new title gives a new slug; the old one is a 404, docs/realworld.md)."""
    slug = (case.path_parameters or {}).get("slug")
    if slug is None:
        return False
    for earlier in recorder.find_all_cases():
        if earlier.method.upper() != "PUT" or earlier.path != "/articles/{slug}":
            continue
        if (earlier.path_parameters or {}).get("slug") != slug:
            continue
        reply = recorder.find_response(case_id=earlier.id)
        if (
            reply is not None
            and reply.status_code == 200
            and reply.json()["article"]["slug"] != slug
        ):
            return True
    return False


REALWORLD = Api(assert_realworld_errors, field_errors, documented_rule, moved=renamed)


@pytest.mark.fuzz
@pytest.mark.timeout(240)
def test_the_realworld_api_does_what_its_document_says_whatever_the_input() -> None:
    container = make_container(outbox_relay_in_app=False)  # delivery is not under test here
    app = create_app(container)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, config=config(ACCEPTED))
    assert len(list(schema.get_all_operations())) == 19
    failures = fuzz(schema, REALWORLD, Fuzzer(container, Role.USER), scheme="Token")
    assert not failures, report(failures)
