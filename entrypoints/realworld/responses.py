"""How RealWorld replies are written: JSON with an explicit charset, as the specification asks,
and timestamps in ISO 8601 with milliseconds, in UTC; public reads with the native API's
ETag and Cache-Control."""

from datetime import UTC, datetime
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from entrypoints.http.caching import represent_json


class RealWorldJSONResponse(JSONResponse):
    media_type = "application/json; charset=utf-8"


def cacheable(request: Request, content: Any, *, public: bool) -> Response:
    """``content`` as a RealWorld reply with a strong ETag (a 304 when If-None-Match names it)
    and, when ``public`` (read without a token), ``Cache-Control: public`` for
    FOLIO_HTTP_CACHE_MAX_AGE seconds; ``no-store`` otherwise."""
    body = bytes(RealWorldJSONResponse(content).body)
    return represent_json(request, body, public=public, media_type=RealWorldJSONResponse.media_type)


def timestamp(moment: datetime) -> str:
    """``2016-02-18T03:22:56.637Z``: milliseconds, UTC, a ``Z`` suffix."""
    # isoformat truncates to milliseconds as the division did, at under half strftime's cost
    # (two timestamps an article, forty a page)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
