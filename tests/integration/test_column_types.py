"""UTCDateTime on SQLite reads a timestamp as SQLAlchemy wrote it in one parse: the values are
those of the dialect's own parse followed by ``process_result_value``, for every timestamp."""

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from adapters.sqlalchemy.column_types import UTCDateTime

DIALECT = sqlite.dialect()
COLUMN = UTCDateTime()
WRITE = COLUMN._cached_bind_processor(DIALECT)
READ = COLUMN._cached_result_processor(DIALECT, None)
GENERAL_PARSE = DIALECT.type_descriptor(COLUMN.impl).result_processor(DIALECT, None)


def _general(stored: str) -> datetime | None:
    assert GENERAL_PARSE is not None
    return COLUMN.process_result_value(GENERAL_PARSE(stored), DIALECT)


@given(st.datetimes(timezones=st.timezones()))
def test_a_written_timestamp_reads_back_as_the_general_path_reads_it(moment: datetime) -> None:
    assert WRITE is not None
    assert READ is not None
    stored = WRITE(moment)

    read = READ(stored)

    assert read == _general(stored)
    assert type(read) is datetime
    assert read.tzinfo is UTC


def test_other_shapes_take_the_general_path() -> None:
    assert READ is not None
    for stored in ("2024-01-01 12:00:00", "2024-01-01T12:00:00.000000", "2024-01-01"):
        assert READ(stored) == _general(stored)
    assert READ(None) is None
