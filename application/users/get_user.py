from application.errors import UserNotFound
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.ids import UserId
from domain.roles import Actor


class GetUser:
    """One user by id. Deactivated users are visible to admins only."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, user_id: UserId, viewer: Actor | None) -> UserView:
        async with self._uow as uow:
            user = await uow.users.get(user_id)
        if user is None or not (user.is_active or (viewer is not None and viewer.is_admin)):
            raise UserNotFound()
        return UserView.of(user, viewer)
