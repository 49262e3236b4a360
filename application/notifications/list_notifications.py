from application.notifications.views import Inbox, NotificationView
from application.pagination import PageRequest
from application.ports.unit_of_work import UnitOfWork
from domain.errors import InvalidValue
from domain.roles import Actor


class ListNotifications:
    """The caller's own notifications, newest first, with their unread count."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, actor: Actor, page: PageRequest) -> Inbox:
        if page.cursor is not None:
            raise InvalidValue("cursor", "the inbox pages by skip and limit only")
        async with self._uow as uow:
            found = await uow.notifications.list_for(actor.id, page)
            unread = await uow.notifications.unread_count(actor.id)
        return Inbox(page=found.map(NotificationView.of), unread=unread)
