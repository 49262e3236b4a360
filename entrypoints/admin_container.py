"""The providers of issue 8's administration use cases. A sub-container of the composition
root, which passes in the unit of work, clock, ids and cursor codec it chose."""

from dependency_injector import containers, providers

from application.admin.change_role import ChangeRole
from application.admin.end_user_sessions import EndUserSessions
from application.admin.find_user import FindUser
from application.admin.hide_comment import HideComment
from application.admin.hide_post import HidePost
from application.admin.list_audit import ListAudit
from application.admin.reactivate_user import ReactivateUser
from application.admin.restore_comment import RestoreComment
from application.admin.restore_post import RestorePost
from application.admin.search_users import SearchUsers
from application.admin.set_posting_limit import SetPostingLimit
from application.ports.clock import Clock, IdGenerator
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork


class AdminContainer(containers.DeclarativeContainer):
    unit_of_work: providers.Dependency[UnitOfWork] = providers.Dependency()
    clock: providers.Dependency[Clock] = providers.Dependency()
    ids: providers.Dependency[IdGenerator] = providers.Dependency()
    cursors: providers.Dependency[CursorCodec] = providers.Dependency()

    search_users = providers.Factory(SearchUsers, uow=unit_of_work, cursors=cursors)
    find_user = providers.Factory(FindUser, uow=unit_of_work)
    reactivate_user = providers.Factory(ReactivateUser, uow=unit_of_work, clock=clock, ids=ids)
    change_role = providers.Factory(ChangeRole, uow=unit_of_work, clock=clock, ids=ids)
    end_user_sessions = providers.Factory(EndUserSessions, uow=unit_of_work, clock=clock, ids=ids)
    set_posting_limit = providers.Factory(SetPostingLimit, uow=unit_of_work, clock=clock, ids=ids)
    list_audit = providers.Factory(ListAudit, uow=unit_of_work, cursors=cursors)
    hide_post = providers.Factory(HidePost, uow=unit_of_work, clock=clock, ids=ids)
    restore_post = providers.Factory(RestorePost, uow=unit_of_work, clock=clock, ids=ids)
    hide_comment = providers.Factory(HideComment, uow=unit_of_work, clock=clock, ids=ids)
    restore_comment = providers.Factory(RestoreComment, uow=unit_of_work, clock=clock, ids=ids)
