from application.cursors import resolve, with_next_cursor
from application.notifications.views import Inbox, NotificationView
from application.pagination import PageRequest
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from domain.roles import Actor


class ListNotifications:
    """The caller's own notifications, newest first, with their unread count; a page is asked
    for by skip or by the cursor of the page before (a cursor is good for its user's inbox
    only), and answers the next page's cursor."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(self, actor: Actor, page: PageRequest) -> Inbox:
        scope = f"notifications:{actor.id}"
        page = resolve(self._cursors, scope, page)
        async with self._uow as uow:
            found = await uow.notifications.list_for(actor.id, page)
            unread = await uow.notifications.unread_count(actor.id)
        viewed = with_next_cursor(self._cursors, scope, found.map(NotificationView.of))
        return Inbox(page=viewed, unread=unread)
