"""``folio users import`` on a migrated SQLite database, from JSON and CSV files."""

import asyncio
import json
from pathlib import Path

import bcrypt
import pytest

from application.pagination import PageRequest
from domain.roles import Role
from entrypoints.container import Container, close
from tests.cli.conftest import Folio
from tests.cli.test_create_admin import log_in

PASSWORD = "an old password"
HASH = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()


def accounts() -> dict[str, tuple[str, Role, bool]]:
    """Every stored user: e-mail -> (name, role, active)."""

    async def run() -> dict[str, tuple[str, Role, bool]]:
        container = Container()
        try:
            async with container.unit_of_work() as uow:
                page = await uow.users.list(PageRequest(limit=100), include_inactive=True)
            return {u.email.value: (u.name.value, u.role, u.is_active) for u in page.items}
        finally:
            await close(container)

    return asyncio.run(run())


def user(email: str, **fields: object) -> dict[str, object]:
    return {"email": email, "hashed_password": HASH, **fields}


def write_json(path: Path, users: list[dict[str, object]]) -> Path:
    path.write_text("[\n" + ",\n".join(json.dumps(u) for u in users) + "\n]\n")
    return path


CSV_HEADER = "id,email,full_name,hashed_password,is_active,is_superuser\n"


def test_imports_a_json_export_of_the_fastapi_template(migrated: Folio, tmp_path: Path):
    file = write_json(
        tmp_path / "users.json",
        [
            user("admin@example.com", full_name="The Admin", is_active=True, is_superuser=True),
            user("ada@example.com", full_name="Ada", is_active=True, is_superuser=False),
            user("gone@example.com", full_name=None, is_active=False, is_superuser=False),
        ],
    )

    result = migrated("users", "import", str(file))

    assert result.exit_code == 0, result.output
    assert "Imported 3 user(s)." in result.stdout
    assert accounts() == {
        "admin@example.com": ("The Admin", Role.ADMIN, True),
        "ada@example.com": ("Ada", Role.USER, True),
        "gone@example.com": ("gone", Role.USER, False),
    }
    assert log_in("admin@example.com", PASSWORD).role is Role.ADMIN


def test_imports_a_json_export_of_fastapi_users_with_its_verified_flag(
    migrated: Folio, tmp_path: Path
):
    flags = {"is_active": True, "is_superuser": False}
    file = write_json(
        tmp_path / "users.json",
        [
            user("ada@example.com", id="5b0c...", is_verified=True, **flags),
            user("bob@example.com", id="6c1d...", is_verified=False, **flags),
        ],
    )

    result = migrated("users", "import", str(file))

    assert result.exit_code == 0, result.output
    assert verified() == {"ada@example.com": True, "bob@example.com": False}


def verified() -> dict[str, bool]:
    async def run() -> dict[str, bool]:
        container = Container()
        try:
            async with container.unit_of_work() as uow:
                page = await uow.users.list(PageRequest(limit=100), include_inactive=True)
            return {u.email.value: u.email_verified for u in page.items}
        finally:
            await close(container)

    return asyncio.run(run())


def test_imports_a_csv_export_as_postgresql_writes_it(migrated: Folio, tmp_path: Path):
    file = tmp_path / "users.csv"
    file.write_text(
        CSV_HEADER
        + f'1,ada@example.com,"Lovelace, Ada",{HASH},t,f\n'
        + f"2,root@example.com,,{HASH},true,1\n"
    )

    result = migrated("users", "import", str(file))

    assert result.exit_code == 0, result.output
    assert accounts() == {
        "ada@example.com": ("Lovelace, Ada", Role.USER, True),
        "root@example.com": ("root", Role.ADMIN, True),
    }
    assert log_in("ada", PASSWORD).role is Role.USER


INVALID_CSV = (
    CSV_HEADER
    + f"1,ada@example.com,Ada,{HASH},t,f\n"  # line 2
    + "2,not-an-email,Bob,{HASH},t,f\n".replace("{HASH}", HASH)  # line 3
    + f'3,carol@example.com,"Carol\non two lines",{HASH},maybe,f\n'  # lines 4-5
    + "4,dave@example.com,Dave,md5:0cc175b9c0f1b6a831c399e269772661,t,f\n"  # line 6
    + f"5,ADA@example.com,Ada again,{HASH},t,f\n"  # line 7
    + f"6,erin@example.com,Erin,{HASH},t,f\n"  # line 8
)
REASONS = [
    ":2: email: also on line 7",
    ":3: email: is not a valid e-mail address",
    ":4: is_active: 'maybe' is not true or false",
    ":6: password hash: neither bcrypt ($2b$...) nor argon2id ($argon2id$...)",
    ":7: email: also on line 2",
]


def test_invalid_rows_are_reported_by_line_and_nothing_is_imported(migrated: Folio, tmp_path: Path):
    file = tmp_path / "users.csv"
    file.write_text(INVALID_CSV)

    result = migrated("users", "import", str(file))

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.removeprefix(str(file)) for line in lines[:-1]] == REASONS
    assert "nothing imported: 5 invalid row(s)" in lines[-1]
    assert accounts() == {}


def test_skip_invalid_imports_the_valid_rows(migrated: Folio, tmp_path: Path):
    file = tmp_path / "users.csv"
    file.write_text(INVALID_CSV)

    result = migrated("users", "import", "--skip-invalid", str(file))

    assert result.exit_code == 0, result.output
    assert "Imported 1 user(s), skipped 5 invalid row(s)." in result.stdout
    assert len(result.stderr.splitlines()) == 5
    assert set(accounts()) == {"erin@example.com"}


def test_json_rows_are_reported_by_the_line_they_start_on(migrated: Folio, tmp_path: Path):
    file = tmp_path / "export.json"
    file.write_text(
        "[\n"
        f'  {{"email": "ada@example.com", "hashed_password": "{HASH}"}},\n'  # line 2
        "  {\n"  # line 3
        '    "email": "bob@example.com",\n'
        '    "is_superuser": "yes"\n'
        "  },\n"
        '  "not an object"\n'  # line 7
        "]\n"
    )

    result = migrated("users", "import", str(file))

    assert result.exit_code == 1
    assert f"{file}:3: hashed_password: missing" in result.stderr
    assert f"{file}:7: a user is an object with named fields" in result.stderr
    assert accounts() == {}


def test_an_email_already_registered_is_an_invalid_row(migrated: Folio, tmp_path: Path):
    first = write_json(tmp_path / "first.json", [user("ada@example.com")])
    assert migrated("users", "import", str(first)).exit_code == 0
    again = write_json(
        tmp_path / "again.json", [user("grace@example.com"), user("Ada@Example.com")]
    )

    result = migrated("users", "import", str(again))

    assert result.exit_code == 1
    assert f"{again}:3: email: already registered" in result.stderr
    assert set(accounts()) == {"ada@example.com"}


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        pytest.param('{"email": "a@b.example"}', "users.json", "one array", id="json-object"),
        pytest.param("[{]", "users.json", "not valid JSON", id="broken-json"),
        pytest.param("mail,hash\n", "users.csv", "header row naming 'email'", id="csv-header"),
    ],
)
def test_a_file_of_another_shape_fails_as_a_whole(
    migrated: Folio, tmp_path: Path, content: str, name: str, message: str
):
    file = tmp_path / name
    file.write_text(content)

    result = migrated("users", "import", str(file))

    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_the_format_can_be_named_and_is_otherwise_guessed(migrated: Folio, tmp_path: Path):
    file = write_json(tmp_path / "users.export", [user("ada@example.com")])

    assert migrated("users", "import", str(file)).exit_code == 0
    assert set(accounts()) == {"ada@example.com"}
    csv_file = tmp_path / "users.txt"
    csv_file.write_text(f"email,hashed_password\ngrace@example.com,{HASH}\n")
    assert migrated("users", "import", "--format", "csv", str(csv_file)).exit_code == 0
    assert set(accounts()) == {"ada@example.com", "grace@example.com"}


def test_a_missing_file_fails_with_a_message(migrated: Folio, tmp_path: Path):
    result = migrated("users", "import", str(tmp_path / "absent.json"))

    assert result.exit_code == 1
    assert "cannot read" in result.stderr
