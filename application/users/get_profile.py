from application.errors import UserNotFound
from application.ports.unit_of_work import UnitOfWork
from application.users.views import ProfileView
from domain.roles import Actor
from domain.users.values import Username


class GetProfile:
    """The public profile of the active user named ``username`` (whatever its case), with
    ``following`` for ``viewer`` (False when anonymous). UserNotFound otherwise."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, username: str, viewer: Actor | None) -> ProfileView:
        key = Username.key_of(username)
        if key is None:
            raise UserNotFound()
        async with self._uow as uow:
            profile = await uow.read.profile(key, None if viewer is None else viewer.id)
        if profile is None:
            raise UserNotFound()
        return profile
