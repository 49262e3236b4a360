"""The providers of issue 6's use cases: profiles, follows, favourites, comments, feed, tags
and an author's own posts. A sub-container of the composition root, which passes in the
unit of work, clock and ids it chose."""

from dependency_injector import containers, providers

from application.ports.clock import Clock, IdGenerator
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from application.posts.list_my_posts import ListMyPosts
from application.social.add_comment import AddComment
from application.social.delete_comment import DeleteComment
from application.social.favorite_post import FavoritePost
from application.social.follow_user import FollowUser
from application.social.get_feed import GetFeed
from application.social.list_comments import ListComments
from application.social.list_tags import ListTags
from application.social.unfavorite_post import UnfavoritePost
from application.social.unfollow_user import UnfollowUser
from application.users.get_profile import GetProfile
from domain.users.verification import ContributionPolicy


class SocialContainer(containers.DeclarativeContainer):
    unit_of_work: providers.Dependency[UnitOfWork] = providers.Dependency()
    clock: providers.Dependency[Clock] = providers.Dependency()
    ids: providers.Dependency[IdGenerator] = providers.Dependency()
    cursors: providers.Dependency[CursorCodec] = providers.Dependency()
    contribution: providers.Dependency[ContributionPolicy] = providers.Dependency()

    get_profile = providers.Factory(GetProfile, uow=unit_of_work)
    follow_user = providers.Factory(FollowUser, uow=unit_of_work, clock=clock)
    unfollow_user = providers.Factory(UnfollowUser, uow=unit_of_work, clock=clock)
    favorite_post = providers.Factory(FavoritePost, uow=unit_of_work, clock=clock)
    unfavorite_post = providers.Factory(UnfavoritePost, uow=unit_of_work, clock=clock)
    add_comment = providers.Factory(
        AddComment, uow=unit_of_work, clock=clock, ids=ids, contribution=contribution
    )
    list_comments = providers.Factory(ListComments, uow=unit_of_work, cursors=cursors)
    delete_comment = providers.Factory(DeleteComment, uow=unit_of_work, clock=clock)
    get_feed = providers.Factory(GetFeed, uow=unit_of_work, cursors=cursors)
    list_tags = providers.Factory(ListTags, uow=unit_of_work)
    list_my_posts = providers.Factory(ListMyPosts, uow=unit_of_work, cursors=cursors)
