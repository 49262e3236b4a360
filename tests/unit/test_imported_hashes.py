"""bcrypt and argon2id hashes of imported users: verified at login, then replaced."""

import asyncio

import bcrypt
import pytest
from argon2 import PasswordHasher as Argon2

from adapters.security.imported_hashes import WithImportedHashes
from application.auth.log_in import LogIn, LogInCommand
from application.errors import InvalidCredentials
from application.users.change_password import ChangePasswordCommand
from application.users.import_users import ImportedUser, ImportUsers, ImportUsersCommand
from domain.roles import Actor
from tests.unit.fakes import FakeHasher
from tests.unit.harness import Folio
from tests.unit.test_hashing_bounds import GatedHasher

PASSWORD = "an old password"
OLD_BCRYPT = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
OLD_ARGON2 = Argon2(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)


@pytest.fixture
def hashes() -> WithImportedHashes:
    return WithImportedHashes(FakeHasher())


@pytest.mark.parametrize(
    "password_hash",
    [
        pytest.param(OLD_BCRYPT, id="2b"),
        pytest.param(OLD_BCRYPT.replace("$2b$", "$2a$", 1), id="2a"),
        pytest.param(OLD_BCRYPT.replace("$2b$", "$2y$", 1), id="2y"),
        pytest.param(OLD_ARGON2, id="argon2id"),
    ],
)
def test_bcrypt_and_argon2id_hashes_can_be_imported(hashes: WithImportedHashes, password_hash: str):
    assert hashes.problem_with(password_hash) is None


@pytest.mark.parametrize(
    ("password_hash", "problem"),
    [
        pytest.param("5f4dcc3b5aa765d61d8327deb882cf99", "neither bcrypt", id="md5"),
        pytest.param(OLD_BCRYPT[:-1], "neither bcrypt", id="cut-bcrypt"),
        pytest.param("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "neither bcrypt", id="2i"),
        pytest.param("$argon2id$v=19$m=8", "not a well-formed argon2id hash", id="cut-argon2"),
        pytest.param("pbkdf2_sha256$600000$salt$hash", "neither bcrypt", id="django"),
    ],
)
def test_other_hashes_are_refused_with_a_reason(
    hashes: WithImportedHashes, password_hash: str, problem: str
):
    assert (hashes.problem_with(password_hash) or "").startswith(problem)


async def test_bcrypt_is_verified_and_always_due_for_a_rehash(hashes: WithImportedHashes):
    assert await hashes.verify(OLD_BCRYPT, PASSWORD)
    assert not await hashes.verify(OLD_BCRYPT, "another password")
    assert hashes.needs_rehash(OLD_BCRYPT)


async def test_bcrypt_reads_the_first_72_bytes_as_the_old_systems_did(
    hashes: WithImportedHashes,
):
    long_password = "x" * 72
    old = bcrypt.hashpw(long_password.encode(), bcrypt.gensalt(rounds=4)).decode()

    assert await hashes.verify(old, long_password + "ignored by bcrypt")


async def test_anything_else_goes_to_the_current_hasher(hashes: WithImportedHashes):
    current = await hashes.hash(PASSWORD)

    assert current == f"hashed:{PASSWORD}:v1"
    assert await hashes.verify(current, PASSWORD)
    assert not await hashes.verify(None, PASSWORD)
    assert not hashes.needs_rehash(current)


async def test_an_imported_bcrypt_user_logs_in_and_the_hash_becomes_the_current_one(
    folio: Folio, hashes: WithImportedHashes
):
    row = ImportedUser(line=2, email="ada@example.com", password_hash=OLD_BCRYPT)
    await ImportUsers(folio.uow(), hashes, folio.clock, folio.ids)(ImportUsersCommand([row]))
    log_in = LogIn(folio.uow(), hashes, folio.issuer, folio.attempts, folio.audit)

    with pytest.raises(InvalidCredentials):
        await log_in(LogInCommand("ada@example.com", "a wrong password"))
    await log_in(LogInCommand("ada@example.com", PASSWORD))

    [user] = folio.store.users.values()
    assert user.password_hash == f"hashed:{PASSWORD}:v1"
    await log_in(LogInCommand("ada", PASSWORD))  # and again, with the new hash


async def test_a_password_changed_while_the_bcrypt_hash_is_being_replaced_wins():
    gated = GatedHasher()
    gated.gated = False
    hashes = WithImportedHashes(gated)
    folio = Folio(hasher=hashes)
    row = ImportedUser(line=2, email="ada@example.com", password_hash=OLD_BCRYPT)
    await ImportUsers(folio.uow(), hashes, folio.clock, folio.ids)(ImportUsersCommand([row]))
    [ada] = folio.store.users.values()

    gated.gated = True
    login = asyncio.create_task(folio.log_in(LogInCommand("ada@example.com", PASSWORD)))
    await gated.waiting.wait()  # bcrypt said yes; the argon2id replacement is being made
    new_password = "a brand new secret"
    await folio.change_password(
        Actor(ada.id, ada.role), ChangePasswordCommand(PASSWORD, new_password)
    )
    gated.gate.set()
    await login

    assert folio.store.users[ada.id].password_hash == f"hashed:{new_password}:v1"
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada", PASSWORD))
