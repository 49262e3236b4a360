import asyncio

import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials
from domain.roles import Actor, Role
from entrypoints.cli import users
from entrypoints.container import Container, close
from tests.cli.conftest import Folio

PASSWORD = "a long admin password"
CREATE = ("users", "create-admin", "--email", "Root@Example.com", "--name", "Root")


def log_in(login: str, password: str = PASSWORD) -> Actor:
    """Who ``login`` is, as the API would see them: log in, then authenticate the token."""

    async def run() -> Actor:
        container = Container()  # from the environment the CLI used
        try:
            token = await container.log_in()(LogInCommand(login, password))
            return await container.authenticate()(token.access.token)
        finally:
            await close(container)

    return asyncio.run(run())


def test_creates_an_admin_from_a_password_on_stdin(migrated: Folio):
    result = migrated(*CREATE, input=f"{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert "Created admin root <root@example.com>" in result.output
    assert PASSWORD not in result.output
    assert log_in("root@example.com").role is Role.ADMIN


def test_takes_the_username_given(migrated: Folio):
    result = migrated(*CREATE, "--username", "TheBoss", input=PASSWORD)

    assert result.exit_code == 0, result.output
    assert log_in("theboss").role is Role.ADMIN


def test_asks_twice_at_a_hidden_prompt_on_a_terminal(
    migrated: Folio, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(users, "stdin_is_terminal", lambda: True)

    result = migrated(*CREATE, input=f"{PASSWORD}\nmistyped password\n{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert PASSWORD not in result.output
    assert log_in("root").role is Role.ADMIN


def test_no_password_on_stdin_is_an_error(migrated: Folio):
    result = migrated(*CREATE, input="")

    assert result.exit_code == 1
    assert "no password given" in result.stderr
    with pytest.raises(InvalidCredentials):
        log_in("root", "")


def test_a_password_is_never_taken_as_an_argument(migrated: Folio):
    result = migrated(*CREATE, "--password", PASSWORD)

    assert result.exit_code == 2
    assert "No such option" in result.output


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        pytest.param(CREATE, "short", "password: must be at least 8 characters", id="password"),
        pytest.param(
            ("users", "create-admin", "--email", "root", "--name", "Root"),
            PASSWORD,
            "email: is not a valid e-mail address",
            id="email",
        ),
        pytest.param(
            (*CREATE, "--username", "no spaces please"),
            PASSWORD,
            "username: may contain only letters, digits, '_' and '-'",
            id="username",
        ),
    ],
)
def test_invalid_input_fails_with_the_domain_message(
    migrated: Folio, args: tuple[str, ...], password: str, message: str
):
    result = migrated(*args, input=password)

    assert result.exit_code == 1
    assert f"Error: {message}" in result.stderr
    assert "Traceback" not in result.output


def test_a_taken_email_fails_with_a_message(migrated: Folio):
    assert migrated(*CREATE, input=PASSWORD).exit_code == 0

    result = migrated(
        "users", "create-admin", "--email", "ROOT@example.com", "--name", "Two", input=PASSWORD
    )

    assert result.exit_code == 1
    assert "a user with this e-mail is already registered" in result.stderr


def test_a_taken_username_fails_with_a_message(migrated: Folio):
    assert migrated(*CREATE, input=PASSWORD).exit_code == 0

    result = migrated(
        "users", "create-admin", "--email", "two@example.com", "--name", "Two",
        "--username", "root", input=PASSWORD,
    )  # fmt: skip

    assert result.exit_code == 1
    assert "this username is already taken" in result.stderr


def test_an_unmigrated_database_fails_with_a_hint(folio: Folio):
    result = folio(*CREATE, input=PASSWORD)

    assert result.exit_code == 1
    assert "folio db upgrade" in result.stderr


def test_memory_storage_works_but_warns_that_nothing_is_kept(folio: Folio):
    folio.setenv(FOLIO_STORAGE="memory")

    result = folio(*CREATE, input=PASSWORD)

    assert result.exit_code == 0, result.output
    assert "lost when this command exits" in result.stderr
    assert "Created admin root" in result.stdout
