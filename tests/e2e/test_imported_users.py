"""An imported bcrypt user logs in over HTTP and is rehashed, on every backend."""

import bcrypt
from httpx import AsyncClient

from application.users.import_users import ImportedUser, ImportUsersCommand
from entrypoints.container import Container
from tests.e2e.helpers import assert_problem, log_in

PASSWORD = "the password from before"
OLD_HASH = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()


async def stored_hash(container: Container, email: str) -> str:
    async with container.unit_of_work() as uow:
        user = await uow.users.get_by_login(email)
    assert user is not None
    return user.password_hash


async def test_an_imported_bcrypt_user_logs_in_and_is_rehashed(
    container: Container, client: AsyncClient
):
    row = ImportedUser(line=2, email="ada@example.com", password_hash=OLD_HASH, name="Ada")
    report = await container.import_users()(ImportUsersCommand([row]))
    assert report.imported == 1

    assert_problem(await log_in(client, "ada@example.com", "not the password"), 401)
    assert await stored_hash(container, "ada@example.com") == OLD_HASH

    response = await log_in(client, "ada@example.com", PASSWORD)
    assert response.status_code == 200, response.text
    new_hash = await stored_hash(container, "ada@example.com")
    assert new_hash.startswith("$argon2id$")
    assert not container.hasher().needs_rehash(new_hash)

    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    me = await client.get("/me", headers=headers)
    assert (me.status_code, me.json()["email"], me.json()["name"]) == (
        200,
        "ada@example.com",
        "Ada",
    )
    assert (await log_in(client, "ada", PASSWORD)).status_code == 200  # with the new hash
