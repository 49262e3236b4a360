"""RealWorld's ``limit`` (default 20) and ``offset`` (default 0) as Folio's page request."""

from typing import Annotated

from fastapi import Depends, Query

from application.pagination import PageRequest


async def page_request(
    limit: Annotated[int, Query(ge=1, le=PageRequest.MAX_LIMIT)] = PageRequest.DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=PageRequest.MAX_SKIP)] = 0,
) -> PageRequest:
    return PageRequest(skip=offset, limit=limit)


PageParams = Annotated[PageRequest, Depends(page_request)]
