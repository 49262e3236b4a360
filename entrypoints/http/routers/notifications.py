from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import HTMLResponse

from application.notifications.list_notifications import ListNotifications
from application.notifications.mark_notifications_read import MarkNotificationsRead
from application.notifications.queue_email import QueueEmail, QueueEmailCommand
from application.notifications.unsubscribe import Unsubscribe
from domain.errors import PermissionDenied
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.http.dependencies import CurrentActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.notifications import (
    MarkReadIn,
    NotificationPage,
    QueuedOut,
    SendNotificationIn,
    UnreadOut,
)
from entrypoints.http.unsubscribe_page import unsubscribe_page

router = APIRouter(tags=["notifications"], route_class=MediaTypeCheckedRoute)
TokenParam = Annotated[str, Query(min_length=1, max_length=1000)]


@router.get(
    "/me/notifications", response_model=NotificationPage, responses=problem_responses(401, 422)
)
async def my_notifications(
    actor: CurrentActor,
    page: PageParams,
    list_page: Annotated[ListNotifications, Depends(Inject[Container.list_notifications])],
) -> NotificationPage:
    """The caller's notifications, newest first, with the count of unread ones."""
    return NotificationPage.of_inbox(await list_page(actor, page))


@router.post(
    "/me/notifications/read", response_model=UnreadOut, responses=problem_responses(401, 422)
)
async def mark_read(
    body: MarkReadIn,
    actor: CurrentActor,
    mark: Annotated[MarkNotificationsRead, Depends(Inject[Container.mark_notifications_read])],
) -> UnreadOut:
    """Mark the listed notifications (or all) read; answers how many stay unread."""
    return UnreadOut(unread=await mark(actor, None if body.all else body.ids))


async def admin(actor: CurrentActor) -> Actor:
    """Refuse non-admins before looking at the body: the endpoint must not be probed."""
    if not actor.is_admin:
        raise PermissionDenied("only an admin may send notifications")
    return actor


@router.post(
    "/send-notification",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=QueuedOut,
    responses=problem_responses(401, 403, 422),
)
async def send_notification(
    actor: Annotated[Actor, Depends(admin)],
    body: SendNotificationIn,
    queue: Annotated[QueueEmail, Depends(Inject[Container.queue_email])],
) -> QueuedOut:
    """Admins only: queue an e-mail; the outbox relay sends it (202 with its id)."""
    return QueuedOut(id=await queue(actor, QueueEmailCommand(**body.model_dump())))


@router.post("/unsubscribe", status_code=status.HTTP_200_OK, responses=problem_responses(400, 422))
async def unsubscribe(
    token: TokenParam,
    switch_off: Annotated[Unsubscribe, Depends(Inject[Container.unsubscribe])],
) -> dict[str, bool]:
    """RFC 8058 one-click unsubscribe: the link of an e-mail's List-Unsubscribe header,
    POSTed with ``List-Unsubscribe=One-Click``; switches notification e-mails off."""
    await switch_off(token)
    return {"unsubscribed": True}


@router.get(
    "/unsubscribe",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {}}}, **problem_responses(422)},
)
async def unsubscribe_form(token: TokenParam) -> HTMLResponse:
    """The HTML page the unsubscribe link of an e-mail opens, for people: one button that
    POSTs the token. A GET changes nothing (link checkers and previews follow links)."""
    return HTMLResponse(unsubscribe_page(token))
