"""The pool gauges follow checkouts: a connection in use counts until it is given back, and a
request waiting for the only connection counts as waiting."""

import asyncio
from pathlib import Path

from sqlalchemy import text

from adapters.metrics import DB_POOL_IN_USE, DB_POOL_SIZE, DB_POOL_WAITING
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.pool_metrics import instrument_pool


def gauge(metric: object) -> float:
    return float(metric._value.get())  # type: ignore[attr-defined]


async def test_connections_in_use_and_waiting_are_counted(tmp_path: Path) -> None:
    engine = instrument_pool(
        create_engine(f"sqlite+aiosqlite:///{tmp_path / 'pool.db'}", pool_size=1, pool_timeout=5)
    )
    in_use, waiting = gauge(DB_POOL_IN_USE), gauge(DB_POOL_WAITING)
    try:
        assert gauge(DB_POOL_SIZE) == 1
        async with engine.connect() as held:
            await held.execute(text("SELECT 1"))
            assert gauge(DB_POOL_IN_USE) == in_use + 1

            async def second() -> None:
                async with engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))

            queued = asyncio.create_task(second())
            for _ in range(100):
                if gauge(DB_POOL_WAITING) == waiting + 1:
                    break
                await asyncio.sleep(0.01)
            assert gauge(DB_POOL_WAITING) == waiting + 1
        await asyncio.wait_for(queued, 10)
        assert (gauge(DB_POOL_IN_USE), gauge(DB_POOL_WAITING)) == (in_use, waiting)
    finally:
        await engine.dispose()
