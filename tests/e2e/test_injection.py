"""Routes take their use cases from the container of the app serving the request (ADR 025):
two apps made with two containers each answer from their own, nested providers included, and
a provider the container does not hold is named in the error."""

from types import SimpleNamespace
from uuid import uuid4

import pytest
from dependency_injector import providers

from domain.errors import PermissionDenied
from entrypoints.http.app import create_app
from entrypoints.http.injection import Inject
from tests.e2e.conftest import make_container, serve


class _Refusing:
    """A use case that refuses whatever it is asked, so its app answers 403."""

    async def __call__(self, *args: object) -> None:
        raise PermissionDenied()


async def test_each_app_answers_from_its_own_container() -> None:
    refusing, plain = make_container(storage="memory"), make_container(storage="memory")
    refusing.get_post.override(providers.Object(_Refusing()))
    first, second = create_app(refusing), create_app(plain)  # the last app made is `second`
    path = f"/posts/{uuid4()}"

    async with serve(first) as client:
        assert (await client.get(path)).status_code == 403
    async with serve(second) as client:
        assert (await client.get(path)).status_code == 404


async def test_a_nested_provider_is_taken_from_the_apps_own_container() -> None:
    container = make_container(storage="memory")
    container.social.list_tags.override(providers.Object(_Refusing()))
    first, second = create_app(container), create_app(make_container(storage="memory"))

    async with serve(first) as client:
        assert (await client.get("/tags")).status_code == 403
    async with serve(second) as client:
        assert (await client.get("/tags")).status_code == 200


async def test_a_provider_outside_the_container_is_named() -> None:
    stranger = providers.Factory(object)
    app = SimpleNamespace(state=SimpleNamespace(container=make_container(storage="memory")))

    with pytest.raises(LookupError, match="Factory"):
        await Inject[stranger](SimpleNamespace(app=app))
