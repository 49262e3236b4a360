from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.users.views import ProfileView
from domain.errors import AlreadyFollowing
from domain.roles import Actor
from domain.social.follow import Follow


class FollowUser:
    """The caller follows the active user named ``username`` (whatever its case). Following
    twice is the same as once, also when two requests race; following yourself is
    CannotFollowYourself; an unknown user is UserNotFound. Returns the profile as the caller
    now sees it (``following`` True)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, username: str) -> ProfileView:
        try:
            return await self._follow(actor, username)
        except AlreadyFollowing:  # a concurrent request committed the same follow first
            return await self._follow(actor, username)

    async def _follow(self, actor: Actor, username: str) -> ProfileView:
        async with self._uow as uow:
            followee = await uow.users.get_by_username(username)
            if followee is None or not followee.is_active:
                raise UserNotFound()
            if await uow.follows.get(actor.id, followee.id) is None:
                follow = Follow.start(
                    follower_id=actor.id, followee_id=followee.id, now=self._clock.now()
                )
                uow.follows.add(follow)
                await uow.commit()
            profile = await uow.read.profile(followee.username.key, actor.id)
        if profile is None:
            raise UserNotFound()
        return profile
