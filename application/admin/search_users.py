from application.admin.trail import require_admin
from application.cursors import resolve, with_next_cursor
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.roles import Actor

SCOPE = "admin-users"


class SearchUsers:
    """For admins: every user, deactivated ones too, oldest first, with private fields; with
    ``query``, only those whose e-mail or username starts with it (whatever its case). Paged
    like every list: by skip, or by the cursor of the page before (for the same query)."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(self, actor: Actor, query: str | None, page: PageRequest) -> Page[UserView]:
        require_admin(actor)
        scope = f"{SCOPE}:{(query or '').strip().lower()}"
        page = resolve(self._cursors, scope, page)
        async with self._uow as uow:
            users = await uow.users.list(page, include_inactive=True, prefix=query)
        viewed = users.map(lambda user: UserView.of(user, actor))
        return with_next_cursor(self._cursors, scope, viewed)
