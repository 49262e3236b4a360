"""Two-factor records over one AsyncSession, one row per user; the recovery codes' digests
(and when each was used) are a JSON list in the row."""

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import two_factor
from application.ports.two_factor import TwoFactorRepository
from domain.ids import UserId
from domain.sessions.two_factor import RecoveryCode, TwoFactor, TwoFactorChanged


def two_factor_row(record: TwoFactor) -> dict[str, Any]:
    codes = [
        {"digest": c.digest, "used_at": None if c.used_at is None else c.used_at.isoformat()}
        for c in record.recovery_codes
    ]
    return {
        "user_id": record.id,
        "secret": record.secret,
        "created_at": record.created_at,
        "confirmed_at": record.confirmed_at,
        "last_step": record.last_step,
        "recovery_codes": json.dumps(codes),
        "version": record.version,
    }


def two_factor_from_row(row: Any) -> TwoFactor:
    codes = tuple(
        RecoveryCode(
            c["digest"], None if c["used_at"] is None else datetime.fromisoformat(c["used_at"])
        )
        for c in json.loads(row["recovery_codes"])
    )
    return TwoFactor(
        id=UserId(row["user_id"]),
        secret=row["secret"],
        created_at=row["created_at"],
        confirmed_at=row["confirmed_at"],
        last_step=row["last_step"],
        recovery_codes=codes,
        version=row["version"],
    )


class SqlAlchemyTwoFactorRepository(TwoFactorRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._db = session
        self._added: list[TwoFactor] = []
        self._versions: dict[UserId, int] = {}

    def _add(self, record: TwoFactor) -> None:
        self._added.append(record)

    async def _get(self, user_id: UserId) -> TwoFactor | None:
        with translated_errors():
            query = select(two_factor).where(two_factor.c.user_id == user_id)
            row = (await self._db.execute(query)).mappings().first()
        if row is None:
            return None
        record = two_factor_from_row(row)
        self._versions.setdefault(record.id, record.version)
        return record

    async def save_changes(self) -> None:
        """Delete the removed, insert the added, update the changed if nobody else did."""
        for user_id in self.removed:
            await self._db.execute(delete(two_factor).where(two_factor.c.user_id == user_id))
        if self._added:
            await self._db.execute(insert(two_factor), [two_factor_row(r) for r in self._added])
        for user_id, version in self._versions.items():
            record = self.seen.get(user_id)
            if record is None or user_id in self.removed or record.version == version:
                continue
            result = await self._db.execute(
                update(two_factor)
                .where(two_factor.c.user_id == user_id, two_factor.c.version == version)
                .values(two_factor_row(record))
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise TwoFactorChanged()

    def mark_saved(self) -> None:
        self._added.clear()
        self.removed.clear()
        self._versions = {user_id: r.version for user_id, r in self.seen.items()}
