import pytest

from tests.cli.conftest import Folio


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param([], ["serve", "db", "users", "worker", "outbox"], id="folio"),
        pytest.param(["outbox"], ["list", "retry"], id="outbox"),
        pytest.param(["outbox", "list"], ["--dead", "--limit"], id="outbox-list"),
        pytest.param(["outbox", "retry"], ["--all-dead", "ID"], id="outbox-retry"),
        pytest.param(["serve"], ["--host", "--port", "--workers", "--reload"], id="serve"),
        pytest.param(["db"], ["upgrade", "recount-tags"], id="db"),
        pytest.param(["db", "upgrade"], ["--revision"], id="db-upgrade"),
        pytest.param(["users"], ["create-admin"], id="users"),
        pytest.param(
            ["users", "create-admin"], ["--email", "--name", "--username"], id="create-admin"
        ),
    ],
)
def test_every_command_explains_itself(folio: Folio, args: list[str], expected: list[str]):
    result = folio(*args, "--help")

    assert result.exit_code == 0
    for word in expected:
        assert word in result.output


def test_create_admin_has_no_password_option(folio: Folio):
    assert "--password" not in folio("users", "create-admin", "--help").output
