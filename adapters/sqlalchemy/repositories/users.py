"""Users over one AsyncSession; ``save_changes()`` writes only what differs from what was loaded."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    delete,
    exists,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.mappers import Row, changed_columns, user_from_row, user_row
from adapters.sqlalchemy.tables import comments, posts, username_reservations, users
from adapters.sqlalchemy.visible_counts import uncount_posts_of
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.repositories import UserRepository
from domain.admin.rules import LastAdmin
from domain.errors import StaleVersion
from domain.ids import UserId
from domain.roles import Role
from domain.users.user import User
from domain.users.values import Email, Username

_ACTIVE_ADMIN = (users.c.role == Role.ADMIN.value) & users.c.is_active.is_(True)


class SqlAlchemyUserRepository(UserRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session
        self._added: dict[UserId, User] = {}
        self._loaded: dict[UserId, Row] = {}
        self._removed: set[UserId] = set()
        self._handovers: list[tuple[UserId, UserId]] = []
        self._hash_swaps: list[tuple[UserId, str, str, datetime]] = []
        self._reservations: dict[str, tuple[UserId, datetime]] = {}

    def _add(self, user: User) -> None:
        self._added[user.id] = user

    async def _remove(self, user: User) -> None:
        self._removed.add(user.id)

    def _hand_over(self, from_id: UserId, to_id: UserId) -> None:
        self._handovers.append((from_id, to_id))

    def replace_password_hash(
        self, user_id: UserId, expected: str, new: str, *, now: datetime
    ) -> None:
        self._hash_swaps.append((user_id, expected, new, now))

    def _reserve(self, key: str, holder: UserId, until: datetime) -> None:
        self._reservations[key] = (holder, until)

    async def _reservation_holder(self, key: str, now: datetime) -> UserId | None:
        with translated_errors():
            holder = await self._session.scalar(
                select(username_reservations.c.user_id).where(
                    username_reservations.c.username_key == key,
                    username_reservations.c.reserved_until > now,
                )
            )
        return None if holder is None else UserId(holder)

    async def _get(self, user_id: UserId) -> User | None:
        return await self._one(select(users).where(users.c.id == user_id))

    async def _get_by_login(self, login: str) -> User | None:
        return await self._one(
            select(users).where((users.c.email == login) | (users.c.username_key == login))
        )

    async def _get_by_username_key(self, key: str) -> User | None:
        return await self._one(select(users).where(users.c.username_key == key))

    async def _list(
        self, page: PageRequest, *, include_inactive: bool, prefix: str | None
    ) -> Page[User]:
        where: list[ColumnElement[bool]] = [] if include_inactive else [users.c.is_active.is_(True)]
        if prefix is not None:
            where.append(
                users.c.email.startswith(prefix, autoescape=True)
                | users.c.username_key.startswith(prefix, autoescape=True)
            )
        with translated_errors():
            total = await self._session.scalar(
                select(func.count()).select_from(users).where(*where)
            )
            query = select(users).where(*where).order_by(users.c.created_at, users.c.id)
            if page.after is not None:
                after = (page.after.key, page.after.id)
                query = query.where(tuple_(users.c.created_at, users.c.id) > after)
            rows = (
                await self._session.execute(query.offset(page.skip).limit(page.limit + 1))
            ).mappings()
            found = [self._remember(row) for row in rows.all()]
        return keyset_page(found, total or 0, page, lambda u: Position(u.created_at, u.id))

    async def count_active_admins(self) -> int:
        """Locks the active admins' rows (FOR UPDATE, in id order so that two transactions
        cannot deadlock; SQLite has no row locks, and serialises writers instead)."""
        query = select(users.c.id).where(_ACTIVE_ADMIN).order_by(users.c.id).with_for_update()
        with translated_errors():
            return len((await self._session.execute(query)).all())

    async def email_taken(self, email: Email) -> bool:
        return await self._exists(users.c.email == email.value)

    async def username_taken(self, username: Username) -> bool:
        return await self._exists(users.c.username_key == username.key)

    async def added_email_taken(self) -> bool:
        """Whether a user added in this unit of work has an e-mail already stored."""
        emails = [user.email.value for user in self._added.values()]
        return bool(emails) and await self._exists(users.c.email.in_(emails))

    async def save_changes(self) -> None:
        """Insert the added users and update the columns that changed in the loaded ones;
        LastAdmin if that left no active admin where there was one."""
        removes_admin = self._removes_an_admin()
        if removes_admin:  # the rows of every admin, locked before any is changed
            await self.count_active_admins()
        if self._added:
            await self._session.execute(insert(users), [user_row(u) for u in self._added.values()])
        for user_id, before in self._loaded.items():
            user = self.seen.get(user_id)
            changes = {} if user is None else changed_columns(before, user_row(user))
            if user is not None and changes:
                query = update(users).where(users.c.id == user_id)
                if user.guarded_version is not None:
                    query = query.where(users.c.version == user.guarded_version)
                query = query.values({**changes, "version": users.c.version + 1})
                version = (await self._session.execute(query.returning(users.c.version))).scalar()
                if version is None:
                    raise StaleVersion()
                user.version = version
        for user_id, expected, new, now in self._hash_swaps:
            await self._session.execute(
                update(users)
                .where(users.c.id == user_id, users.c.password_hash == expected)
                .values(password_hash=new, updated_at=now, version=users.c.version + 1)
            )
        if self._reservations:
            keys = list(self._reservations)
            table = username_reservations
            await self._session.execute(delete(table).where(table.c.username_key.in_(keys)))
            await self._session.execute(
                insert(table),
                [
                    {"username_key": key, "user_id": holder, "reserved_until": until}
                    for key, (holder, until) in self._reservations.items()
                ],
            )
        for from_id, to_id in self._handovers:
            for table in (posts, comments):
                await self._session.execute(
                    update(table).where(table.c.author_id == from_id).values(author_id=to_id)
                )
        if self._removed:
            await uncount_posts_of(self._session, self._removed)
            # ON DELETE CASCADE takes what hangs on the user (and the search index's trigger
            # the entries of their posts).
            await self._session.execute(delete(users).where(users.c.id.in_(self._removed)))
        if removes_admin and not await self._exists(_ACTIVE_ADMIN):
            raise LastAdmin()

    def _removes_an_admin(self) -> bool:
        """Whether a loaded active admin is no longer one."""
        for user_id, before in self._loaded.items():
            user = self.seen.get(user_id)
            was_admin = before["is_active"] and before["role"] == Role.ADMIN.value
            if user is not None and was_admin and not user.is_active_admin:
                return True
        return False

    def mark_saved(self) -> None:
        """The transaction committed: what is in memory is now what is stored."""
        self._added.clear()
        self._handovers.clear()
        self._reservations.clear()
        for user_id in self._removed:
            self.seen.pop(user_id, None)
        self._removed.clear()
        self._hash_swaps.clear()
        self._loaded = {user.id: user_row(user) for user in self.seen.values()}

    async def _one(self, query: Select[Any]) -> User | None:
        with translated_errors():
            row = (await self._session.execute(query)).mappings().first()
        return None if row is None else self._remember(row)

    def _remember(self, row: RowMapping) -> User:
        user = user_from_row(row)
        self._loaded.setdefault(user.id, user_row(user))
        return user

    async def _exists(self, condition: ColumnElement[bool]) -> bool:
        with translated_errors():
            return bool(await self._session.scalar(select(exists().where(condition))))
