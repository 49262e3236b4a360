"""The outbox's backlog, sampled into its gauges when /metrics is scraped."""

import logging
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.metrics import OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE
from adapters.sqlalchemy.tables import outbox
from application.ports.outbox import EntryState

logger = logging.getLogger("folio.metrics")


class OutboxSampler:
    """Counts the pending entries (dead letters are not backlog) and the oldest one's age."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def __call__(self) -> None:
        query = select(func.count(), func.min(outbox.c.created_at)).where(
            outbox.c.state == EntryState.PENDING.value
        )
        try:
            async with self._engine.connect() as connection:
                count, oldest = (await connection.execute(query)).one()
        except (SQLAlchemyError, OSError) as error:  # a scrape never fails for the database
            logger.warning("outbox backlog not sampled (%s)", type(error).__name__)
            return
        OUTBOX_BACKLOG.set(count)
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        age = 0.0 if oldest is None else (datetime.now(UTC) - oldest).total_seconds()
        OUTBOX_OLDEST_AGE.set(max(age, 0.0))
