from dataclasses import dataclass

from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.roles import Actor
from domain.users.values import Age, DisplayName


@dataclass(frozen=True, slots=True)
class UpdateProfileCommand:
    name: str | None = None
    age: int | None = None
    expected_versions: frozenset[int] | None = None  # If-Match: StaleVersion otherwise


class UpdateProfile:
    """Change the caller's own display name and age; fields left out stay as they are. With
    ``expected_versions``, only if the profile is still at one of them (StaleVersion)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, command: UpdateProfileCommand) -> UserView:
        name = None if command.name is None else DisplayName(command.name)
        age = None if command.age is None else Age(command.age)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            user.expect_version(command.expected_versions)
            user.update_profile(name=name, age=age, now=self._clock.now())
            await uow.commit()
        return UserView.of(user, actor)
