"""ImportUsers on the memory adapters: what is checked, and that it is all or nothing."""

from dataclasses import replace

import pytest

from application.ports.imported_hashes import ImportedHashes
from application.users.import_users import (
    ImportedUser,
    ImportUsers,
    ImportUsersCommand,
    InvalidRow,
)
from domain.roles import Role
from tests.unit.harness import Folio, register

BCRYPT = "$2b$12$" + "a" * 53
ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


class KnownPrefixes(ImportedHashes):
    def problem_with(self, password_hash: str) -> str | None:
        return None if password_hash.startswith(("$2b$", "$argon2id$")) else "unknown format"


def row(line: int, email: str, **overrides: object) -> ImportedUser:
    return replace(ImportedUser(line=line, email=email, password_hash=BCRYPT), **overrides)


def importer(folio: Folio) -> ImportUsers:
    return ImportUsers(folio.uow(), KnownPrefixes(), folio.clock, folio.ids)


def stored(folio: Folio) -> dict[str, tuple[str, str, str, Role, bool]]:
    return {
        u.email.value: (u.username.value, u.name.value, u.password_hash, u.role, u.is_active)
        for u in folio.store.users.values()
    }


async def test_imports_every_row_with_its_hash_flags_and_a_derived_username(folio: Folio):
    rows = [
        row(2, "Ada@Example.com", name="Ada Lovelace", is_superuser=True),
        row(3, "grace@example.com", password_hash=ARGON2, is_active=False),
    ]

    report = await importer(folio)(ImportUsersCommand(rows))

    assert (report.imported, report.invalid) == (2, [])
    assert stored(folio) == {
        "ada@example.com": ("ada", "Ada Lovelace", BCRYPT, Role.ADMIN, True),
        "grace@example.com": ("grace", "grace", ARGON2, Role.USER, False),
    }
    assert folio.event_names() == ["user_imported", "user_imported"]  # no welcome


async def test_a_name_left_out_is_the_local_part_or_the_handle_made_from_it(folio: Folio):
    rows = [row(1, "x@example.com"), row(2, "bo@example.com", name="  ")]

    await importer(folio)(ImportUsersCommand(rows))

    names = {email: name for email, (_, name, *_) in stored(folio).items()}
    assert names == {"x@example.com": "x__", "bo@example.com": "bo"}


async def test_usernames_derived_alike_in_one_file_or_taken_before_get_a_suffix(folio: Folio):
    await register(folio, "ada", username="ada")
    rows = [row(1, "ada@one.example"), row(2, "ada@two.example"), row(3, "ada@three.example")]

    await importer(folio)(ImportUsersCommand(rows))

    handles = [stored(folio)[f"ada@{n}.example"][0] for n in ("one", "two", "three")]
    assert len({h.lower() for h in [*handles, "ada"]}) == 4
    assert all(h.startswith("ada-") for h in handles)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        pytest.param(row(5, "not-an-email"), "email: is not a valid e-mail address", id="email"),
        pytest.param(row(5, "a@b.example", name="x" * 101), "name: must be at most", id="name"),
        pytest.param(
            row(5, "a@b.example", password_hash="md5:abc"),
            "password hash: unknown format",
            id="hash",
        ),
    ],
)
async def test_an_invalid_row_is_reported_and_nothing_is_written(
    folio: Folio, bad: ImportedUser, reason: str
):
    rows = [row(2, "ada@example.com"), bad, row(9, "grace@example.com")]

    report = await importer(folio)(ImportUsersCommand(rows))

    assert report.imported == 0
    assert [(r.line, r.reason[: len(reason)]) for r in report.invalid] == [(5, reason)]
    assert folio.store.users == {}


async def test_skip_invalid_writes_the_valid_rows_and_reports_the_rest(folio: Folio):
    rows = [row(2, "ada@example.com"), row(3, "nope"), row(4, "grace@example.com")]
    unreadable = [InvalidRow(6, "is_active: 'maybe' is not true or false")]

    report = await importer(folio)(ImportUsersCommand(rows, unreadable, skip_invalid=True))

    assert report.imported == 2
    assert [r.line for r in report.invalid] == [3, 6]
    assert set(stored(folio)) == {"ada@example.com", "grace@example.com"}


async def test_rows_the_reader_could_not_read_make_the_import_fail_too(folio: Folio):
    unreadable = [InvalidRow(3, "hashed_password: missing")]

    report = await importer(folio)(ImportUsersCommand([row(2, "ada@example.com")], unreadable))

    assert (report.imported, report.invalid) == (0, unreadable)
    assert folio.store.users == {}


async def test_an_email_twice_in_the_file_invalidates_every_row_holding_it(folio: Folio):
    rows = [row(2, "ada@example.com"), row(3, "grace@example.com"), row(4, " ADA@example.com")]

    report = await importer(folio)(ImportUsersCommand(rows, skip_invalid=True))

    assert report.invalid == [
        InvalidRow(2, "email: also on line 4"),
        InvalidRow(4, "email: also on line 2"),
    ]
    assert set(stored(folio)) == {"grace@example.com"}


async def test_an_email_already_registered_is_an_invalid_row(folio: Folio):
    await register(folio, "ada")
    before = stored(folio)

    report = await importer(folio)(ImportUsersCommand([row(7, "ADA@example.com")]))

    assert report.invalid == [InvalidRow(7, "email: already registered")]
    assert stored(folio) == before


async def test_an_empty_file_imports_nothing(folio: Folio):
    report = await importer(folio)(ImportUsersCommand([]))

    assert (report.imported, report.invalid, report.written) == (0, [], False)


async def test_an_email_is_verified_only_when_the_other_system_verified_it(folio: Folio):
    rows = [
        row(1, "yes@example.com", is_verified=True),
        row(2, "no@example.com", is_verified=False),
        row(3, "unsaid@example.com"),
    ]

    await importer(folio)(ImportUsersCommand(rows))

    verified = {u.email.value: u.email_verified for u in folio.store.users.values()}
    assert verified == {
        "yes@example.com": True,
        "no@example.com": False,
        "unsaid@example.com": False,
    }
