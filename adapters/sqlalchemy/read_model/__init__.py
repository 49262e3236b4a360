"""The read side: views computed in SQL, one statement per view and two per page whatever the
page size (see tests/integration/test_view_statements.py)."""

from adapters.sqlalchemy.read_model.people import PeopleViews
from adapters.sqlalchemy.read_model.posts import FEED, PostViews, conditions_of
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.search import search_hits_for
from application.pagination import Page, PageRequest
from application.ports.read_model import PostQuery, PostStatus, ReadModel
from application.posts.views import PostView
from application.social.views import CommentView
from application.users.views import ProfileView
from domain.ids import CommentId, PostId, UserId


class SqlAlchemyReadModel(ReadModel):
    """Views read on the connections ``reads`` gives."""

    def __init__(self, reads: Reads) -> None:
        self._posts = PostViews(reads)
        self._people = PeopleViews(reads)
        self._search = search_hits_for(reads.dialect)

    async def profile(self, username_key: str, viewer: UserId | None) -> ProfileView | None:
        return await self._people.profile(username_key, viewer)

    async def post(self, post_id: PostId, viewer: UserId | None) -> PostView | None:
        return await self._posts.one("id", post_id, viewer)

    async def post_by_slug(self, slug: str, viewer: UserId | None) -> PostView | None:
        return await self._posts.one("slug", slug, viewer)

    async def posts(
        self, where: PostQuery, page: PageRequest, viewer: UserId | None
    ) -> Page[PostView]:
        by_publication = where.status == PostStatus.PUBLISHED
        hits = None if where.text is None else self._search(where.text)
        return await self._posts.page(
            conditions_of(where), page, viewer, by_publication=by_publication, hits=hits
        )

    async def feed(self, reader: UserId, page: PageRequest) -> Page[PostView]:
        return await self._posts.page(FEED, page, reader)

    async def tags(self, limit: int) -> list[str]:
        return await self._people.tags(limit)

    async def comments(
        self, post_id: PostId, page: PageRequest, viewer: UserId | None
    ) -> Page[CommentView]:
        return await self._people.comments(post_id, page, viewer)

    async def comment(self, comment_id: CommentId, viewer: UserId | None) -> CommentView | None:
        return await self._people.comment(comment_id, viewer)
