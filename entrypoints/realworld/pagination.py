"""RealWorld's ``limit`` (default 20) and ``offset`` (default 0) as Folio's page request, and
Folio's ``cursor`` beside them (the ``next_cursor`` of the page before)."""

from typing import Annotated

from fastapi import Depends, Query

from application.pagination import PageRequest
from domain.errors import InvalidValue
from entrypoints.http.dependencies import cursor_query


async def page_request(
    limit: Annotated[int, Query(ge=1, le=PageRequest.MAX_LIMIT)] = PageRequest.DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=PageRequest.MAX_SKIP)] = 0,
    cursor: Annotated[str | None, cursor_query("offset")] = None,
) -> PageRequest:
    if offset and cursor is not None:  # said in this API's words (PageRequest says skip)
        raise InvalidValue("cursor", "give either offset or cursor, not both")
    return PageRequest(skip=offset, limit=limit, cursor=cursor)


PageParams = Annotated[PageRequest, Depends(page_request)]
