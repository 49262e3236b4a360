from uuid import UUID

from application.admin.trail import require_admin
from application.errors import UserNotFound
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.ids import UserId
from domain.roles import Actor


class FindUser:
    """For admins: the user ``ref`` names, by id, e-mail or username (whatever its case),
    deactivated or not; UserNotFound otherwise. How the CLI names the user to act on."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, actor: Actor, ref: str) -> UserView:
        require_admin(actor)
        async with self._uow as uow:
            user = await uow.users.get_by_login(ref)
            if user is None and (user_id := _uuid(ref)) is not None:
                user = await uow.users.get(UserId(user_id))
        if user is None:
            raise UserNotFound()
        return UserView.of(user, actor)


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text.strip())
    except ValueError:
        return None
