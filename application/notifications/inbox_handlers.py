"""Handlers that put notifications in the inbox of the users an event concerns: a welcome
note, an admin's deletion of a post, and the social events (a new follower, a favourite, a
comment on one's post).

A notification's id is derived from the event id and the handler's name, so a redelivered
event finds its notification already there and adds nothing."""

from collections.abc import Callable
from typing import Generic, TypeVar

from application.ports.event_handlers import Delivery, EventHandler
from application.ports.unit_of_work import UnitOfWork
from domain.events import DomainEvent
from domain.ids import NotificationId, PostId, UserId
from domain.notifications.notification import Notification
from domain.posts.events import PostDeleted
from domain.social.events import CommentAdded, PostFavorited, UserFollowed
from domain.users.events import UserRegistered

UnitOfWorkFactory = Callable[[], UnitOfWork]
E = TypeVar("E", bound=DomainEvent)


class InboxHandler(EventHandler, Generic[E]):
    """Base of the inbox handlers, each about events of ``event_type``: ``recipient()`` says
    who is told, or None; ``message()`` words it, with the unit of work at hand for names and
    titles (None when what it would speak of is gone by the time the event is delivered)."""

    name = "inbox"
    kind = ""
    event_type: type[E]

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def recipient(self, event: E) -> UserId | None:
        raise NotImplementedError

    async def message(self, event: E, uow: UnitOfWork) -> str | None:
        raise NotImplementedError

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, self.event_type) and self.recipient(event) is not None

    async def handle(self, delivery: Delivery) -> None:
        event = delivery.event
        if not isinstance(event, self.event_type):
            return
        recipient_id = self.recipient(event)
        if recipient_id is None:
            return
        notification_id = NotificationId(delivery.key(self.name))
        async with self._uow() as uow:
            if await uow.notifications.get(notification_id) is not None:
                return  # a redelivery: the notification is there already
            if await uow.users.get(recipient_id) is None:
                return  # the user is gone
            message = await self.message(event, uow)
            if message is None:
                return
            uow.notifications.add(
                Notification.create(
                    id=notification_id,
                    recipient_id=recipient_id,
                    kind=self.kind,
                    message=message,
                    now=event.occurred_at,
                )
            )
            await uow.commit()


class WelcomeNote(InboxHandler[UserRegistered]):
    name = "inbox.welcome"
    kind = "welcome"
    event_type = UserRegistered

    def __init__(self, uow: UnitOfWorkFactory, site_name: str) -> None:
        super().__init__(uow)
        self._site_name = site_name

    def recipient(self, event: UserRegistered) -> UserId | None:
        return event.user_id

    async def message(self, event: UserRegistered, uow: UnitOfWork) -> str | None:
        return f"Welcome to {self._site_name}, {event.username}!"


class PostDeletedNote(InboxHandler[PostDeleted]):
    """Tells an author that an admin deleted their post (not when they deleted it themself)."""

    name = "inbox.post_deleted"
    kind = "post_deleted"
    event_type = PostDeleted

    def recipient(self, event: PostDeleted) -> UserId | None:
        return None if event.deleted_by in (None, event.author_id) else event.author_id

    async def message(self, event: PostDeleted, uow: UnitOfWork) -> str | None:
        title = f'"{event.title}"' if event.title else "one of your posts"
        return f"An admin deleted your post {title}."


class FollowedNote(InboxHandler[UserFollowed]):
    """Tells a user who started following them."""

    name = "inbox.followed"
    kind = "followed"
    event_type = UserFollowed

    def recipient(self, event: UserFollowed) -> UserId | None:
        return event.followee_id

    async def message(self, event: UserFollowed, uow: UnitOfWork) -> str | None:
        follower = await uow.users.get(event.follower_id)
        return None if follower is None else f"{follower.username.value} started following you."


class FavoritedNote(InboxHandler[PostFavorited]):
    """Tells an author that someone else favourited their post."""

    name = "inbox.post_favorited"
    kind = "post_favorited"
    event_type = PostFavorited

    def recipient(self, event: PostFavorited) -> UserId | None:
        return None if event.user_id == event.author_id else event.author_id

    async def message(self, event: PostFavorited, uow: UnitOfWork) -> str | None:
        names = await _who_on_what(uow, event.user_id, event.post_id)
        return None if names is None else f'{names[0]} favourited your post "{names[1]}".'


class CommentedNote(InboxHandler[CommentAdded]):
    """Tells an author that someone else commented on their post, with the comment's start."""

    name = "inbox.comment_added"
    kind = "comment_added"
    event_type = CommentAdded
    excerpt = 80

    def recipient(self, event: CommentAdded) -> UserId | None:
        return None if event.author_id == event.post_author_id else event.post_author_id

    async def message(self, event: CommentAdded, uow: UnitOfWork) -> str | None:
        names = await _who_on_what(uow, event.author_id, event.post_id)
        if names is None:
            return None
        body = " ".join(event.body.split())
        if len(body) > self.excerpt:
            body = body[: self.excerpt - 1].rstrip() + "…"
        return f'{names[0]} commented on your post "{names[1]}": {body}'


async def _who_on_what(uow: UnitOfWork, user_id: UserId, post_id: PostId) -> tuple[str, str] | None:
    """The username of ``user_id`` and the title of ``post_id``, or None if either is gone."""
    user, post = await uow.users.get(user_id), await uow.posts.get(post_id)
    return None if user is None or post is None else (user.username.value, post.title.value)
