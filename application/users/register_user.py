"""Register a user: a unique e-mail, a unique (possibly derived) username, a hashed password."""

from dataclasses import dataclass
from datetime import datetime

from application.ports.clock import Clock, IdGenerator
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.handles import handle_unavailable
from application.users.password_rules import PasswordRules
from application.users.views import UserView
from domain.errors import EmailAlreadyRegistered, UsernameAlreadyTaken
from domain.ids import UserId
from domain.roles import Role
from domain.users.user import User
from domain.users.values import (
    Age,
    Bio,
    DisplayName,
    Email,
    ImageUrl,
    Username,
    blank,
)


@dataclass(frozen=True, slots=True)
class RegisterUserCommand:
    email: str
    name: str
    password: str
    age: int | None = None
    username: str | None = None
    role: Role = Role.USER
    bio: str | None = None
    image: str | None = None


class RegisterUser:
    """Raises InvalidValue for bad input (a password the rules refuse included),
    EmailAlreadyRegistered or UsernameAlreadyTaken on a clash (usernames compare whatever their
    case), including a clash with a registration that commits concurrently, or with a handle
    reserved for the user who left it. An empty ``bio`` or ``image`` is none."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        clock: Clock,
        ids: IdGenerator,
        rules: PasswordRules,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock
        self._ids = ids
        self._rules = rules

    async def __call__(self, command: RegisterUserCommand) -> UserView:
        email = Email(command.email)
        name = DisplayName(command.name)
        age = None if command.age is None else Age(command.age)
        wanted = None if command.username is None else Username(command.username)
        bio = None if command.bio is None or blank(command.bio) else Bio(command.bio)
        image = None if command.image is None or blank(command.image) else ImageUrl(command.image)
        password = self._rules.check(
            command.password, email=email, username=wanted or Username.base_for(email), name=name
        )
        user_id = UserId(self._ids.new_id())
        password_hash = await self._hasher.hash(password.value)
        async with self._uow as uow:
            if await uow.users.email_taken(email):
                raise EmailAlreadyRegistered()
            now = self._clock.now()
            username = wanted or await self._free_username(uow, email, user_id, now)
            if wanted is not None and await handle_unavailable(uow, wanted, now):
                raise UsernameAlreadyTaken()
            user = User.register(
                id=user_id,
                email=email,
                username=username,
                name=name,
                password_hash=password_hash,
                age=age,
                role=command.role,
                bio=bio,
                image=image,
                now=now,
            )
            uow.users.add(user)
            await uow.commit()
        return UserView.of(user, user.actor)

    @staticmethod
    async def _free_username(
        uow: UnitOfWork, email: Email, user_id: UserId, now: datetime
    ) -> Username:
        """The e-mail's local part, or that with a short suffix from the new id if taken
        (or reserved for someone who left it)."""
        base = Username.base_for(email)
        if not await handle_unavailable(uow, base, now):
            return base
        return base.with_suffix(user_id.hex[:8])
