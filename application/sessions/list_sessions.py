from application.pagination import Page, PageRequest
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.sessions.views import SessionView
from domain.roles import Actor


class ListSessions:
    """The caller's live sessions, newest first, the one they are using marked ``current``."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[SessionView]:
        async with self._uow as uow:
            sessions = await uow.sessions.list_live(actor.id, self._clock.now())
        chosen = sessions[page.skip : page.skip + page.limit]
        views = [SessionView.of(session, actor.session_id) for session in chosen]
        return Page(views, len(sessions), page.skip, page.limit)
