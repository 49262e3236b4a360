"""Issue 6's use cases wired like the harness's: fresh per call, on the Folio's one store."""

from dataclasses import dataclass

from application.posts.list_my_posts import ListMyPosts
from application.social.add_comment import AddComment, AddCommentCommand
from application.social.delete_comment import DeleteComment
from application.social.favorite_post import FavoritePost
from application.social.follow_user import FollowUser
from application.social.get_feed import GetFeed
from application.social.list_comments import ListComments
from application.social.list_tags import ListTags
from application.social.unfavorite_post import UnfavoritePost
from application.social.unfollow_user import UnfollowUser
from application.social.views import CommentView
from application.users.get_profile import GetProfile
from domain.ids import PostId
from domain.roles import Actor
from tests.unit.harness import Folio


@dataclass
class Social:
    folio: Folio

    @property
    def get_profile(self) -> GetProfile:
        return GetProfile(self.folio.uow())

    @property
    def follow_user(self) -> FollowUser:
        return FollowUser(self.folio.uow(), self.folio.clock)

    @property
    def unfollow_user(self) -> UnfollowUser:
        return UnfollowUser(self.folio.uow(), self.folio.clock)

    @property
    def favorite_post(self) -> FavoritePost:
        return FavoritePost(self.folio.uow(), self.folio.clock)

    @property
    def unfavorite_post(self) -> UnfavoritePost:
        return UnfavoritePost(self.folio.uow(), self.folio.clock)

    @property
    def add_comment(self) -> AddComment:
        return AddComment(self.folio.uow(), self.folio.clock, self.folio.ids)

    @property
    def list_comments(self) -> ListComments:
        return ListComments(self.folio.uow(), self.folio.cursors)

    @property
    def delete_comment(self) -> DeleteComment:
        return DeleteComment(self.folio.uow(), self.folio.clock)

    @property
    def get_feed(self) -> GetFeed:
        return GetFeed(self.folio.uow(), self.folio.cursors)

    @property
    def list_tags(self) -> ListTags:
        return ListTags(self.folio.uow())

    @property
    def list_my_posts(self) -> ListMyPosts:
        return ListMyPosts(self.folio.uow(), self.folio.cursors)

    async def comment(self, actor: Actor, post_id: PostId, body: str = "Nice.") -> CommentView:
        return await self.add_comment(actor, post_id, AddCommentCommand(body=body))
