"""Whether a handle can be taken: held by nobody else, and reserved for nobody else."""

from datetime import datetime

from application.ports.unit_of_work import UnitOfWork
from domain.ids import UserId
from domain.users.values import Username


async def handle_unavailable(
    uow: UnitOfWork, username: Username, now: datetime, taker: UserId | None = None
) -> bool:
    """Whether someone other than ``taker`` holds ``username`` (in any case), or it is
    reserved for someone else: a handle a user left stays theirs for a while."""
    holder = await uow.users.get_by_username(username.value)
    if holder is not None and holder.id != taker:
        return True
    reserved_for = await uow.users.username_held_for(username, now)
    return reserved_for is not None and reserved_for != taker
