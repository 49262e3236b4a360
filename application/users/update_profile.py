from dataclasses import dataclass
from datetime import timedelta

from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.change_email import move_email
from application.users.handles import handle_unavailable
from application.users.password_rules import PasswordRules
from application.users.views import UserView
from domain.errors import InvalidValue, UsernameAlreadyTaken
from domain.roles import Actor
from domain.users.values import (
    Age,
    Bio,
    DisplayName,
    Email,
    ImageUrl,
    Username,
    blank,
)

CLEARABLE = frozenset({"age"})  # bio and image are cleared by an empty string


@dataclass(frozen=True, slots=True)
class UpdateProfileCommand:
    """Fields left as None stay as they are. An empty ``bio`` or ``image`` clears it.
    ``username`` takes another handle (UsernameAlreadyTaken if someone else holds it in any
    case; changing only its case is allowed). ``email`` moves the account to another address
    (EmailAlreadyRegistered if another account has it). ``new_password`` replaces the password
    on the strength of the caller's token alone, as RealWorld's ``PUT /api/user`` does (the
    password rules apply: InvalidValue on ``password`` says why); the native API asks for the
    current one instead (ChangePassword)."""

    name: str | None = None
    age: int | None = None
    clear: frozenset[str] = frozenset()  # optional fields to empty: "age"
    bio: str | None = None
    image: str | None = None
    username: str | None = None
    expected_versions: frozenset[int] | None = None  # If-Match: StaleVersion otherwise
    email: str | None = None
    new_password: str | None = None
    email_notifications: bool | None = None


class UpdateProfile:
    """Change the caller's own profile and account, all or nothing; fields left out stay as
    they are. With ``expected_versions``, only if the profile is still at one of them
    (StaleVersion). A handle left for another stays reserved for the user for
    ``username_reservation`` (UsernameAlreadyTaken for anyone else meanwhile). A new
    ``email`` is unverified and the old one is told; with
    ``wait_for_email_proof`` (FOLIO_REQUIRE_VERIFIED_EMAIL) the account keeps its address
    until the new one is proven (see ChangeEmail)."""

    def __init__(
        self,
        uow: UnitOfWork,
        clock: Clock,
        hasher: PasswordHasher,
        rules: PasswordRules,
        wait_for_email_proof: bool = False,
        username_reservation: timedelta = timedelta(days=30),
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._hasher = hasher
        self._wait_for_email_proof = wait_for_email_proof
        self._rules = rules
        self._username_reservation = username_reservation

    async def __call__(self, actor: Actor, command: UpdateProfileCommand) -> UserView:
        name = None if command.name is None else DisplayName(command.name)
        age = None if command.age is None else Age(command.age)
        username = None if command.username is None else Username(command.username)
        if unclearable := command.clear - CLEARABLE:
            raise InvalidValue(min(unclearable), "may not be cleared")
        bio = None if command.bio is None or blank(command.bio) else Bio(command.bio)
        image = None if command.image is None or blank(command.image) else ImageUrl(command.image)
        email = None if command.email is None else Email(command.email)
        new_hash = await self._new_hash(actor, command.new_password, email, username, name)
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            user.expect_version(command.expected_versions)
            now = self._clock.now()
            user.update_profile(name=name, age=age, clear_age="age" in command.clear, now=now)
            if command.bio is not None or command.image is not None:
                user.describe(
                    bio=bio if command.bio is not None else user.bio,
                    image=image if command.image is not None else user.image,
                    now=now,
                )
            if username is not None and username != user.username:
                if await handle_unavailable(uow, username, now, taker=user.id):
                    raise UsernameAlreadyTaken()
                left = user.username
                user.rename(username, now=now)
                if left.key != username.key and self._username_reservation:
                    uow.users.reserve_username(left, user.id, now + self._username_reservation)
            if email is not None:
                await move_email(
                    uow, user, email, self._clock, wait_for_proof=self._wait_for_email_proof
                )
            if new_hash is not None:
                user.change_password(new_hash, now=now, keep_session=actor.session_id)
            if command.email_notifications is not None:
                user.set_email_notifications(command.email_notifications, now=now)
            await uow.commit()
        return UserView.of(user, actor)

    async def _new_hash(
        self,
        actor: Actor,
        new_password: str | None,
        email: Email | None,
        username: Username | None,
        name: DisplayName | None,
    ) -> str | None:
        """Checked against the rules (with the profile as it will be) and hashed before the
        transaction, so no connection waits on hashing."""
        if new_password is None:
            return None
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
        if user is None:
            raise UserNotFound()
        password = self._rules.check(
            new_password,
            email=email or user.email,
            username=username or user.username,
            name=name or user.name,
        )
        return await self._hasher.hash(password.value)
