"""RealWorld's timestamps: ISO 8601 in UTC with milliseconds and a ``Z``, whatever the
moment's own offset; the microseconds are cut, not rounded."""

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from entrypoints.realworld.responses import timestamp

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
moments = st.datetimes(
    min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets
)


def test_a_moment_is_written_in_utc_with_milliseconds():
    moment = datetime(2016, 2, 18, 4, 22, 56, 637999, tzinfo=timezone(timedelta(hours=1)))

    assert timestamp(moment) == "2016-02-18T03:22:56.637Z"


@given(moments)
def test_every_moment_reads_back_as_itself_to_the_millisecond(moment: datetime):
    written = timestamp(moment)

    read = datetime.strptime(written, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert len(written) == len("2016-02-18T03:22:56.637Z")
    assert read == moment.replace(microsecond=moment.microsecond // 1000 * 1000)
