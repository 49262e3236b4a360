from application.pagination import Page, PageRequest
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.roles import Actor


class ListUsers:
    """A page of users, oldest first. Admins also see deactivated users and every e-mail."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, page: PageRequest, viewer: Actor | None) -> Page[UserView]:
        is_admin = viewer is not None and viewer.is_admin
        async with self._uow as uow:
            users = await uow.users.list(page, include_inactive=is_admin)
        return users.map(lambda user: UserView.of(user, viewer))
