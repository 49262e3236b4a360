"""A user deletes their own account."""

from dataclasses import dataclass
from enum import StrEnum

from application.errors import InvalidCredentials, UserNotFound
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from domain.ids import UserId
from domain.roles import Actor
from domain.users.deleted_user import DELETED_USER_ID, deleted_user_placeholder
from domain.users.values import Username, normalise_password


class DeletedContent(StrEnum):
    """What becomes of a deleted account's posts and comments."""

    REMOVE = "remove"  # deleted with the account
    KEEP = "keep"  # kept, shown as by the "deleted user" placeholder


@dataclass(frozen=True, slots=True)
class DeleteAccountCommand:
    password: str


class DeleteAccount:
    """After checking the password (InvalidCredentials), the caller's account is removed in
    one transaction with its sessions (its tokens stop working at once), tokens, follows,
    favourites and notifications, so counts stay exact; its posts and comments are removed
    too, or, with DeletedContent.KEEP, handed to the inactive "deleted user" placeholder.
    Nothing of the account stays readable."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        clock: Clock,
        content: DeletedContent = DeletedContent.REMOVE,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock
        self._content = content

    async def __call__(self, actor: Actor, command: DeleteAccountCommand) -> None:
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
        if user is None:
            raise UserNotFound()
        if not await self._hasher.verify(user.password_hash, normalise_password(command.password)):
            raise InvalidCredentials()
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            now = self._clock.now()
            if self._content == DeletedContent.KEEP:
                await self._ensure_placeholder(uow)
                uow.users.hand_over_content(user.id, DELETED_USER_ID)
            user.delete(now=now)
            await uow.users.remove(user)
            await uow.commit()

    async def _ensure_placeholder(self, uow: UnitOfWork) -> UserId:
        if await uow.users.get(DELETED_USER_ID) is None:
            handle = Username("deleted-user")
            if await uow.users.username_taken(handle):
                handle = handle.with_suffix(DELETED_USER_ID.hex[-4:])
            uow.users.add(deleted_user_placeholder(self._clock.now(), handle))
        return DELETED_USER_ID
