"""How RealWorld replies are written: JSON with an explicit charset, as the specification asks,
and timestamps in ISO 8601 with milliseconds, in UTC."""

from datetime import UTC, datetime

from fastapi.responses import JSONResponse


class RealWorldJSONResponse(JSONResponse):
    media_type = "application/json; charset=utf-8"


def timestamp(moment: datetime) -> str:
    """``2016-02-18T03:22:56.637Z``: milliseconds, UTC, a ``Z`` suffix."""
    # isoformat truncates to milliseconds as the division did, at under half strftime's cost
    # (two timestamps an article, forty a page)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
