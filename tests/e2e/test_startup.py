import pytest
from asgi_lifespan import LifespanManager
from dependency_injector import providers

from entrypoints.http.app import create_app
from entrypoints.settings import InsecureSettings
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import PASSWORD, bearer, register


@pytest.mark.parametrize(
    "secret",
    [
        pytest.param(None, id="missing"),
        pytest.param("too-short-but-varied", id="short"),
        pytest.param("changeme", id="well-known"),
        pytest.param("a" * 64, id="trivial"),
    ],
)
async def test_production_refuses_to_start_with_a_bad_secret(secret: str | None) -> None:
    app = create_app(make_container(env="production", jwt_secret=secret))
    with pytest.raises(InsecureSettings):
        async with LifespanManager(app):
            pass


OWASP_MINIMUM = {"argon2_memory_cost": 19_456, "argon2_time_cost": 2, "argon2_parallelism": 1}


async def test_production_starts_with_a_good_secret() -> None:
    async with serve(create_app(make_container(env="production", **OWASP_MINIMUM))) as client:
        assert (await client.get("/posts")).status_code == 200


@pytest.mark.parametrize(
    "weaker",
    [
        pytest.param({"argon2_memory_cost": 8}, id="memory"),
        pytest.param({"argon2_time_cost": 1}, id="time"),
    ],
)
async def test_production_refuses_argon2_below_the_owasp_minimum(weaker: dict[str, int]) -> None:
    app = create_app(make_container(env="production", **{**OWASP_MINIMUM, **weaker}))
    with pytest.raises(InsecureSettings, match="OWASP's minimum"):
        async with LifespanManager(app):
            pass


async def test_an_outdated_password_hash_is_replaced_on_log_in() -> None:
    old = make_container(argon2_time_cost=1)
    async with serve(create_app(old)) as client:
        user = await register(client)
    store = old.memory_store()
    old_hash = next(iter(store.users.values())).password_hash

    new = make_container(argon2_time_cost=2)
    new.memory_store.override(providers.Object(store))
    async with serve(create_app(new)) as client:
        await bearer(client, user["email"], PASSWORD)
    new_hash = next(iter(store.users.values())).password_hash
    assert new_hash != old_hash
    assert "t=1" in old_hash
    assert "t=2" in new_hash
    assert not new.hasher().needs_rehash(new_hash)
