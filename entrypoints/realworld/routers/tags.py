"""The tags in use."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel

from application.social.list_tags import ListTags
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED
from entrypoints.http.injection import Inject
from entrypoints.realworld.auth import token_checked
from entrypoints.realworld.responses import cacheable
from entrypoints.realworld.schemas.errors import CHECKED_IF_SENT, error_responses

router = APIRouter(tags=["Tags"])


class TagsEnvelope(BaseModel):
    tags: list[str]


@router.get(
    "/tags",
    response_model=TagsEnvelope,
    dependencies=[Depends(token_checked)],  # a token given must be valid, even here
    responses={304: NOT_MODIFIED, **error_responses(401, descriptions={401: CHECKED_IF_SENT})},
)
async def list_tags(
    request: Request,
    tags: Annotated[ListTags, Depends(Inject[Container.social.list_tags])],
) -> Response:
    """Tags of published articles, most used first: the same for everyone."""
    return cacheable(request, {"tags": await tags()}, public=True)
