from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response, status

from application.sessions.end_session import EndSession
from application.sessions.list_sessions import ListSessions
from application.sessions.log_out import LogOut
from application.sessions.log_out_everywhere import LogOutEverywhere
from domain.ids import SessionId
from entrypoints.container import Container
from entrypoints.http.dependencies import CurrentActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.routers.auth import Browser
from entrypoints.http.schemas.auth import SessionOut
from entrypoints.http.schemas.common import Page, problem_responses

router = APIRouter(tags=["sessions"], route_class=MediaTypeCheckedRoute)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401),
)
async def log_out(
    actor: CurrentActor,
    response: Response,
    end: Annotated[LogOut, Depends(Inject[Container.sessions.log_out])],
    browser: Browser,
) -> None:
    """End the current session: its access and refresh tokens stop working at once (and a
    browser's session cookies are cleared)."""
    await end(actor)
    browser.clear_cookies(response)


@router.post(
    "/logout-all",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401),
)
async def log_out_everywhere(
    actor: CurrentActor,
    response: Response,
    end: Annotated[LogOutEverywhere, Depends(Inject[Container.sessions.log_out_everywhere])],
    browser: Browser,
) -> None:
    """End every session of the caller, this one included."""
    await end(actor)
    browser.clear_cookies(response)


@router.get("/me/sessions", response_model=Page[SessionOut], responses=problem_responses(401, 422))
async def list_my_sessions(
    actor: CurrentActor,
    page: PageParams,
    fetch: Annotated[ListSessions, Depends(Inject[Container.sessions.list_sessions])],
) -> Page[SessionOut]:
    """The caller's live sessions, newest first."""
    return Page[SessionOut].of(await fetch(actor, page))


@router.delete(
    "/me/sessions/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def end_my_session(
    session_id: UUID,
    actor: CurrentActor,
    end: Annotated[EndSession, Depends(Inject[Container.sessions.end_session])],
) -> None:
    """End one of the caller's sessions (404 for any id that is not one of their live ones)."""
    await end(actor, SessionId(session_id))
