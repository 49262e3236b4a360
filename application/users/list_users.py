from application.cursors import resolve, with_next_cursor
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.roles import Actor

SCOPE = "users"


class ListUsers:
    """A page of users, oldest first. Admins also see deactivated users and every e-mail. A page
    is asked for by skip or by the cursor of the page before; it answers the next page's cursor
    while more users follow."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(self, page: PageRequest, viewer: Actor | None) -> Page[UserView]:
        is_admin = viewer is not None and viewer.is_admin
        page = resolve(self._cursors, SCOPE, page)
        async with self._uow as uow:
            users = await uow.users.list(page, include_inactive=is_admin)
        viewed = users.map(lambda user: UserView.of(user, viewer))
        return with_next_cursor(self._cursors, SCOPE, viewed)
