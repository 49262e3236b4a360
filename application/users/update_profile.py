from dataclasses import dataclass

from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.errors import UsernameAlreadyTaken
from domain.roles import Actor
from domain.users.user import User
from domain.users.values import Age, Bio, DisplayName, ImageUrl, Username, blank


@dataclass(frozen=True, slots=True)
class UpdateProfileCommand:
    """Fields left as None stay as they are. An empty ``bio`` or ``image`` clears it.
    ``username`` takes another handle (UsernameAlreadyTaken if someone else holds it in any
    case; changing only its case is allowed)."""

    name: str | None = None
    age: int | None = None
    bio: str | None = None
    image: str | None = None
    username: str | None = None
    expected_versions: frozenset[int] | None = None  # If-Match: StaleVersion otherwise


class UpdateProfile:
    """Change the caller's own public profile; fields left out stay as they are. With
    ``expected_versions``, only if the profile is still at one of them (StaleVersion)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, command: UpdateProfileCommand) -> UserView:
        name = None if command.name is None else DisplayName(command.name)
        age = None if command.age is None else Age(command.age)
        username = None if command.username is None else Username(command.username)
        bio = None if command.bio is None or blank(command.bio) else Bio(command.bio)
        image = None if command.image is None or blank(command.image) else ImageUrl(command.image)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            user.expect_version(command.expected_versions)
            now = self._clock.now()
            user.update_profile(name=name, age=age, now=now)
            if command.bio is not None or command.image is not None:
                user.describe(
                    bio=bio if command.bio is not None else user.bio,
                    image=image if command.image is not None else user.image,
                    now=now,
                )
            if username is not None and username != user.username:
                await _ensure_free(uow, username, user)
                user.rename(username, now=now)
            await uow.commit()
        return UserView.of(user, actor)


async def _ensure_free(uow: UnitOfWork, username: Username, user: User) -> None:
    holder = await uow.users.get_by_username(username.value)
    if holder is not None and holder.id != user.id:
        raise UsernameAlreadyTaken()
