"""Import accounts exported from another system, all at once or (when asked) skipping the
rows that cannot be imported."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from application.ports.clock import Clock, IdGenerator
from application.ports.imported_hashes import ImportedHashes
from application.ports.unit_of_work import UnitOfWork
from domain.errors import InvalidValue
from domain.ids import UserId
from domain.roles import Role
from domain.users.user import User
from domain.users.values import DisplayName, Email, Username


@dataclass(frozen=True, slots=True)
class ImportedUser:
    """One row of the file, as read: ``line`` is where it starts in the file."""

    line: int
    email: str
    password_hash: str
    name: str | None = None
    is_active: bool = True
    is_superuser: bool = False
    is_verified: bool | None = None


@dataclass(frozen=True, slots=True)
class InvalidRow:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportUsersCommand:
    """``rows`` in file order; ``unreadable`` are rows the reader could not make sense of."""

    rows: Sequence[ImportedUser]
    unreadable: Sequence[InvalidRow] = ()
    skip_invalid: bool = False


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    invalid: list[InvalidRow] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return self.imported > 0


class ImportUsers:
    """Every row is checked before anything is written: an e-mail, a display name (the
    e-mail's local part when none is given) and a hash that logins can verify. An e-mail
    twice in the file makes every row holding it invalid, and so does one already
    registered. With an invalid row, nothing is imported unless ``skip_invalid``; the valid
    rows are then written in one transaction. Usernames come from the e-mails, as when a
    user registers without one. Superusers become admins. An e-mail is verified only when
    the other system says it verified it (``is_verified``, as fastapi-users keeps)."""

    def __init__(
        self, uow: UnitOfWork, hashes: ImportedHashes, clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow = uow
        self._hashes = hashes
        self._clock = clock
        self._ids = ids

    async def __call__(self, command: ImportUsersCommand) -> ImportReport:
        invalid = list(command.unreadable)
        checked: list[tuple[ImportedUser, Email, DisplayName]] = []
        for row in command.rows:
            try:
                email = Email(row.email)
                name = _name(row.name, email)
            except InvalidValue as error:
                invalid.append(InvalidRow(row.line, str(error)))
                continue
            problem = self._hashes.problem_with(row.password_hash)
            if problem is not None:
                invalid.append(InvalidRow(row.line, f"password hash: {problem}"))
                continue
            checked.append((row, email, name))
        async with self._uow as uow:
            valid = await self._unique(uow, checked, invalid)
            invalid.sort(key=lambda row: row.line)
            if not valid or (invalid and not command.skip_invalid):
                return ImportReport(0, invalid)
            taken: set[str] = set()
            for row, email, name in valid:
                uow.users.add(await self._user(uow, row, email, name, taken))
            await uow.commit()
        return ImportReport(len(valid), invalid)

    @staticmethod
    async def _unique(
        uow: UnitOfWork,
        checked: list[tuple[ImportedUser, Email, DisplayName]],
        invalid: list[InvalidRow],
    ) -> list[tuple[ImportedUser, Email, DisplayName]]:
        lines: dict[Email, list[int]] = {}
        for row, email, _ in checked:
            lines.setdefault(email, []).append(row.line)
        valid = []
        for row, email, name in checked:
            others = [line for line in lines[email] if line != row.line]
            if others:
                listed = ", ".join(str(line) for line in others)
                invalid.append(InvalidRow(row.line, f"email: also on line {listed}"))
            elif await uow.users.email_taken(email):
                invalid.append(InvalidRow(row.line, "email: already registered"))
            else:
                valid.append((row, email, name))
        return valid

    async def _user(
        self, uow: UnitOfWork, row: ImportedUser, email: Email, name: DisplayName, taken: set[str]
    ) -> User:
        user_id = UserId(self._ids.new_id())
        username = Username.base_for(email)
        if username.key in taken or await uow.users.username_taken(username):
            username = username.with_suffix(user_id.hex[:8])
        taken.add(username.key)
        return User.import_from_elsewhere(
            id=user_id,
            email=email,
            username=username,
            name=name,
            password_hash=row.password_hash,
            role=Role.ADMIN if row.is_superuser else Role.USER,
            is_active=row.is_active,
            email_verified=row.is_verified is True,
            now=self._clock.now(),
        )


def _name(given: str | None, email: Email) -> DisplayName:
    """The name given, or else the e-mail's local part (or the handle made from it)."""
    if given is not None and given.strip():
        return DisplayName(given)
    try:
        return DisplayName(email.local_part)
    except InvalidValue:
        return DisplayName(Username.base_for(email).value)
