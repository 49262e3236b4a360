from collections.abc import Sequence
from uuid import UUID

from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from domain.errors import InvalidValue
from domain.ids import NotificationId
from domain.roles import Actor

MAX_IDS = 100


class MarkNotificationsRead:
    """Mark the caller's notifications among ``ids`` read, or all of them when ``ids`` is
    None. Ids of notifications that are not the caller's are ignored, as unknown ones are.
    Returns how many are still unread."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, ids: Sequence[UUID] | None) -> int:
        if ids is not None and not 1 <= len(ids) <= MAX_IDS:
            raise InvalidValue("ids", f"must list between 1 and {MAX_IDS} notifications")
        chosen = None if ids is None else [NotificationId(i) for i in dict.fromkeys(ids)]
        async with self._uow as uow:
            await uow.notifications.mark_read(actor.id, chosen, now=self._clock.now())
            await uow.commit()
        async with self._uow as uow:
            return await uow.notifications.unread_count(actor.id)
