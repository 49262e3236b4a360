"""Use cases wired to the in-memory adapters and the fakes, and builders of their inputs."""

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from adapters.audit import LoggingAuditTrail
from adapters.events import LoggingEventPublisher
from adapters.memory.store import MemoryStore
from adapters.memory.unit_of_work import MemoryUnitOfWork
from adapters.security.common_passwords import ZxcvbnCommonPasswords
from adapters.security.cursors import HmacCursorCodec
from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from adapters.security.opaque_tokens import RandomOpaqueTokens
from adapters.security.totp import PyOtpCodes
from application.admin.change_role import ChangeRole
from application.admin.end_user_sessions import EndUserSessions
from application.admin.find_user import FindUser
from application.admin.list_audit import ListAudit
from application.admin.reactivate_user import ReactivateUser
from application.admin.search_users import SearchUsers
from application.admin.set_posting_limit import SetPostingLimit
from application.auth.authenticate import Authenticate
from application.auth.log_in import LogIn, LogInCommand
from application.posts.create_post import CreatePost, CreatePostCommand
from application.posts.delete_post import DeletePost
from application.posts.get_post import GetPost
from application.posts.list_posts import ListPosts
from application.posts.update_post import UpdatePost
from application.posts.views import PostView
from application.sessions.begin_session import BeginSession
from application.sessions.complete_totp_login import CompleteTotpLogin
from application.sessions.confirm_totp import ConfirmTotp
from application.sessions.disable_totp import DisableTotp
from application.sessions.end_session import EndSession
from application.sessions.enrol_totp import EnrolTotp
from application.sessions.list_sessions import ListSessions
from application.sessions.log_out import LogOut
from application.sessions.log_out_everywhere import LogOutEverywhere
from application.sessions.refresh_session import RefreshSession
from application.sessions.tokens import ClientInfo, SessionIssuer, TokenPair, TotpChallenge
from application.sessions.two_factor_check import TwoFactorCheck
from application.users.change_password import ChangePassword
from application.users.deactivate_user import DeactivateUser
from application.users.get_user import GetUser
from application.users.list_users import ListUsers
from application.users.password_rules import PasswordRules
from application.users.register_user import RegisterUser, RegisterUserCommand
from application.users.update_profile import UpdateProfile
from domain.posts.policy import ContentPolicy
from domain.roles import Actor, Role
from domain.sessions.session import SessionLifetimes
from domain.users.password_policy import PasswordPolicy
from tests.unit.fakes import CountingLoginAttempts, FakeHasher, FixedClock, SequentialIds

TOKEN_SECRET = "unit-test-secret-0123456789-abcdefghijklmnop"
PASSWORD = "correct horse battery"
LIFETIMES = SessionLifetimes(refresh=timedelta(days=14), absolute=timedelta(days=30))


@dataclass
class Folio:
    """The application as the unit tests see it: each use case is built afresh, like the
    container's factories, on one shared store."""

    store: MemoryStore = field(default_factory=MemoryStore)
    publisher: LoggingEventPublisher = field(default_factory=LoggingEventPublisher)
    clock: FixedClock = field(default_factory=FixedClock)
    ids: SequentialIds = field(default_factory=SequentialIds)
    hasher: FakeHasher = field(default_factory=FakeHasher)
    tokens: JwtTokenService = field(
        default_factory=lambda: JwtTokenService(JwtParameters.hmac(TOKEN_SECRET))
    )
    attempts: CountingLoginAttempts = field(default_factory=CountingLoginAttempts)
    policy: ContentPolicy = field(default_factory=ContentPolicy.of)
    cursors: HmacCursorCodec = field(default_factory=lambda: HmacCursorCodec(TOKEN_SECRET))
    lifetimes: SessionLifetimes = LIFETIMES
    audit: LoggingAuditTrail = field(default_factory=LoggingAuditTrail)
    rules: PasswordRules = field(
        default_factory=lambda: PasswordRules(PasswordPolicy(), ZxcvbnCommonPasswords())
    )

    def uow(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self.store, self.publisher)

    def event_names(self) -> list[str]:
        return [event.name for event in self.publisher.recent]

    @property
    def register_user(self) -> RegisterUser:
        return RegisterUser(self.uow(), self.hasher, self.clock, self.ids, self.rules)

    @property
    def issuer(self) -> SessionIssuer:
        return SessionIssuer(
            self.tokens, RandomOpaqueTokens(), self.ids, self.clock, self.lifetimes
        )

    @property
    def two_factor_check(self) -> TwoFactorCheck:
        return TwoFactorCheck(PyOtpCodes(), RandomOpaqueTokens(), self.clock)

    @property
    def enrol_totp(self) -> EnrolTotp:
        return EnrolTotp(self.uow(), self.two_factor_check)

    @property
    def confirm_totp(self) -> ConfirmTotp:
        return ConfirmTotp(self.uow(), self.two_factor_check)

    @property
    def disable_totp(self) -> DisableTotp:
        return DisableTotp(self.uow(), self.two_factor_check)

    @property
    def complete_totp_login(self) -> CompleteTotpLogin:
        return CompleteTotpLogin(
            self.uow(), self.two_factor_check, self.issuer, self.attempts, self.audit
        )

    @property
    def log_in(self) -> LogIn:
        return LogIn(self.uow(), self.hasher, self.issuer, self.attempts, self.audit)

    @property
    def authenticate(self) -> Authenticate:
        return Authenticate(self.uow(), self.tokens, self.clock)

    @property
    def begin_session(self) -> BeginSession:
        return BeginSession(self.uow(), self.issuer, self.clock)

    @property
    def refresh_session(self) -> RefreshSession:
        return RefreshSession(self.uow(), self.issuer, self.clock, self.audit)

    @property
    def log_out(self) -> LogOut:
        return LogOut(self.uow(), self.clock, self.audit)

    @property
    def log_out_everywhere(self) -> LogOutEverywhere:
        return LogOutEverywhere(self.uow(), self.clock, self.audit)

    @property
    def list_sessions(self) -> ListSessions:
        return ListSessions(self.uow(), self.clock)

    @property
    def end_session(self) -> EndSession:
        return EndSession(self.uow(), self.clock, self.audit)

    @property
    def get_user(self) -> GetUser:
        return GetUser(self.uow())

    @property
    def list_users(self) -> ListUsers:
        return ListUsers(self.uow(), self.cursors)

    @property
    def update_profile(self) -> UpdateProfile:
        return UpdateProfile(self.uow(), self.clock, self.hasher, self.rules)

    @property
    def change_password(self) -> ChangePassword:
        return ChangePassword(self.uow(), self.hasher, self.clock, self.rules, self.audit)

    @property
    def deactivate_user(self) -> DeactivateUser:
        return DeactivateUser(self.uow(), self.clock, self.ids, self.audit)

    @property
    def search_users(self) -> SearchUsers:
        return SearchUsers(self.uow(), self.cursors)

    @property
    def find_user(self) -> FindUser:
        return FindUser(self.uow())

    @property
    def reactivate_user(self) -> ReactivateUser:
        return ReactivateUser(self.uow(), self.clock, self.ids)

    @property
    def change_role(self) -> ChangeRole:
        return ChangeRole(self.uow(), self.clock, self.ids)

    @property
    def end_user_sessions(self) -> EndUserSessions:
        return EndUserSessions(self.uow(), self.clock, self.ids)

    @property
    def set_posting_limit(self) -> SetPostingLimit:
        return SetPostingLimit(self.uow(), self.clock, self.ids)

    @property
    def list_audit(self) -> ListAudit:
        return ListAudit(self.uow(), self.cursors)

    @property
    def create_post(self) -> CreatePost:
        return CreatePost(self.uow(), self.clock, self.ids, self.policy)

    @property
    def get_post(self) -> GetPost:
        return GetPost(self.uow())

    @property
    def list_posts(self) -> ListPosts:
        return ListPosts(self.uow(), self.cursors)

    @property
    def update_post(self) -> UpdatePost:
        return UpdatePost(self.uow(), self.clock, self.policy)

    @property
    def delete_post(self) -> DeletePost:
        return DeletePost(self.uow(), self.clock)


def registration(**overrides: Any) -> RegisterUserCommand:
    return replace(
        RegisterUserCommand(email="ada@example.com", name="Ada Lovelace", password=PASSWORD),
        **overrides,
    )


def post_command(**overrides: Any) -> CreatePostCommand:
    return replace(
        CreatePostCommand(
            title="Notes on the Analytical Engine", content="It weaves algebraic patterns."
        ),
        **overrides,
    )


async def register(folio: Folio, handle: str = "ada", **overrides: Any) -> Actor:
    """Register ``handle``@example.com and return them as an actor."""
    command = registration(email=f"{handle}@example.com", name=handle.title(), **overrides)
    view = await folio.register_user(command)
    return Actor(view.id, view.role)


async def register_admin(folio: Folio, handle: str = "root") -> Actor:
    return await register(folio, handle, role=Role.ADMIN)


async def write_post(folio: Folio, author: Actor, **overrides: Any) -> PostView:
    return await folio.create_post(author, post_command(**overrides))


async def log_in(folio: Folio, handle: str = "ada", **client: str) -> TokenPair:
    """Log ``handle`` in with the registration password; ``client`` sets address, user_agent."""
    answer = await folio.log_in(LogInCommand(handle, PASSWORD, ClientInfo(**client)))
    assert not isinstance(answer, TotpChallenge)
    return answer
