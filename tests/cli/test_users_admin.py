"""``folio users list|deactivate|reactivate|set-role|end-sessions``: the admin use cases from
the shell, on a migrated SQLite file; the operator is recorded in the audit trail."""

import asyncio
from typing import Any

import pytest

from application.admin.list_audit import AuditQuery
from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials, InvalidToken
from application.pagination import PageRequest
from application.users.register_user import RegisterUserCommand
from domain.roles import Actor, Role
from entrypoints.container import Container, close
from tests.cli.conftest import Folio

PASSWORD = "a long user password"


def in_container(action: Any) -> Any:
    """Run ``action(container)`` on a container from the environment the CLI used."""

    async def run() -> Any:
        container = Container()
        try:
            return await action(container)
        finally:
            await close(container)

    return asyncio.run(run())


def register(email: str, username: str, role: Role = Role.USER) -> None:
    command = RegisterUserCommand(
        email=email, name=username.title(), password=PASSWORD, username=username, role=role
    )
    in_container(lambda c: c.register_user()(command))


def access_token(login: str) -> str:
    async def action(container: Container) -> str:
        pair = await container.log_in()(LogInCommand(login, PASSWORD))
        return str(pair.access.token)

    return str(in_container(action))


def who(token: str) -> Actor:
    return in_container(lambda c: c.authenticate()(token))  # type: ignore[no-any-return]


def audit_actions() -> list[tuple[str, Any, str | None]]:
    async def action(container: Container) -> list[tuple[str, Any, str | None]]:
        page = await container.admin.list_audit()(Actor.operator(), AuditQuery(), PageRequest())
        return [(e.action.value, e.actor_id, e.reason) for e in page.items]

    return in_container(action)  # type: ignore[no-any-return]


@pytest.fixture
def users(migrated: Folio) -> Folio:
    register("root@example.com", "root", Role.ADMIN)
    register("ada@example.com", "ada")
    register("adam@example.com", "adam")
    return migrated


def test_list_and_search(users: Folio):
    everyone = users("users", "list")
    found = users("users", "list", "--query", "ADA")

    assert everyone.exit_code == 0, everyone.output
    assert "3 of 3 user(s)" in everyone.output
    assert "root  <root@example.com>  admin  active" in everyone.output
    assert found.exit_code == 0, found.output
    assert "2 of 2 user(s)" in found.output
    assert "root" not in found.output


def test_deactivate_and_reactivate_by_email_or_username(users: Folio):
    token = access_token("ada")

    off = users("users", "deactivate", "ADA@example.com", "--reason", "spam")
    assert off.exit_code == 0, off.output
    assert "deactivated" in off.output
    with pytest.raises(InvalidToken):
        who(token)
    with pytest.raises(InvalidCredentials):
        access_token("ada")

    on = users("users", "reactivate", "ada")
    assert on.exit_code == 0, on.output
    access_token("ada")
    assert audit_actions() == [("reactivate_user", None, None), ("deactivate_user", None, "spam")]


def test_set_role_ends_the_sessions(users: Folio):
    token = access_token("adam")

    result = users("users", "set-role", "adam", "admin")

    assert result.exit_code == 0, result.output
    assert "admin  active" in result.output
    with pytest.raises(InvalidToken):
        who(token)
    assert who(access_token("adam")).role is Role.ADMIN


def test_end_sessions(users: Folio):
    tokens = [access_token("ada"), access_token("ada")]

    result = users("users", "end-sessions", "ada", "--reason", "lost laptop")

    assert result.exit_code == 0, result.output
    assert "Ended 2 session(s) of ada." in result.output
    for token in tokens:
        with pytest.raises(InvalidToken):
            who(token)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("deactivate", "root"), id="deactivate"),
        pytest.param(("set-role", "root", "user"), id="demote"),
    ],
)
def test_the_last_admin_remains(users: Folio, args: tuple[str, ...]):
    result = users("users", *args)

    assert result.exit_code == 1
    assert "last active admin" in result.output
    assert who(access_token("root")).role is Role.ADMIN
    assert audit_actions() == []


def test_unknown_users_and_roles_fail_cleanly(users: Folio):
    unknown = users("users", "deactivate", "nobody")
    bad_role = users("users", "set-role", "ada", "emperor")

    assert unknown.exit_code == 1
    assert "user not found" in unknown.output
    assert bad_role.exit_code == 2
    assert "Traceback" not in unknown.output + bad_role.output
