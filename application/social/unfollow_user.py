from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.users.views import ProfileView
from domain.roles import Actor


class UnfollowUser:
    """The caller stops following the user named ``username`` (whatever its case); not
    following them already is fine. An unknown user is UserNotFound. Returns the profile as
    the caller now sees it (``following`` False)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, username: str) -> ProfileView:
        async with self._uow as uow:
            followee = await uow.users.get_by_username(username)
            if followee is None or not followee.is_active:
                raise UserNotFound()
            follow = await uow.follows.get(actor.id, followee.id)
            if follow is not None:
                follow.end(now=self._clock.now())
                await uow.follows.remove(follow)
                await uow.commit()
            profile = await uow.read.profile(followee.username.key, actor.id)
        if profile is None:
            raise UserNotFound()
        return profile
