"""The providers of sessions and tokens (issue 7), as a sub-container of the root one."""

from datetime import timedelta

from dependency_injector import containers, providers

from adapters.security.opaque_tokens import RandomOpaqueTokens
from adapters.security.totp import PyOtpCodes
from application.ports.audit import AuditTrail
from application.ports.clock import Clock, IdGenerator
from application.ports.security import LoginAttempts, TokenService
from application.ports.unit_of_work import UnitOfWork
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
from application.sessions.tokens import SessionIssuer
from application.sessions.two_factor_check import TwoFactorCheck
from domain.sessions.session import SessionLifetimes
from entrypoints.http.browser import BrowserSessions
from entrypoints.settings import Settings


def lifetimes(refresh_days: int, max_days: int) -> SessionLifetimes:
    return SessionLifetimes(
        refresh=timedelta(days=refresh_days), absolute=timedelta(days=max(max_days, refresh_days))
    )


class SessionsContainer(containers.DeclarativeContainer):
    settings: providers.Dependency[Settings] = providers.Dependency()
    unit_of_work: providers.Dependency[UnitOfWork] = providers.Dependency()
    clock: providers.Dependency[Clock] = providers.Dependency()
    ids: providers.Dependency[IdGenerator] = providers.Dependency()
    tokens: providers.Dependency[TokenService] = providers.Dependency()
    login_attempts: providers.Dependency[LoginAttempts] = providers.Dependency()
    audit: providers.Dependency[AuditTrail] = providers.Dependency()

    opaque_tokens = providers.Singleton(RandomOpaqueTokens)
    issuer = providers.Singleton(
        SessionIssuer,
        tokens=tokens,
        opaque=opaque_tokens,
        ids=ids,
        clock=clock,
        lifetimes=providers.Callable(
            lifetimes, settings.provided.refresh_token_days, settings.provided.session_max_days
        ),
    )

    begin_session = providers.Factory(BeginSession, uow=unit_of_work, sessions=issuer, clock=clock)
    browser = providers.Singleton(
        BrowserSessions,
        secret=settings.provided.signing_secret,
        secure=settings.provided.cookie_secure,
        trusted_origins=providers.Callable(frozenset, settings.provided.cors_origins),
    )

    one_time_codes = providers.Singleton(PyOtpCodes)
    two_factor_check = providers.Singleton(
        TwoFactorCheck, codes=one_time_codes, opaque=opaque_tokens, clock=clock
    )
    enrol_totp = providers.Factory(EnrolTotp, uow=unit_of_work, check=two_factor_check)
    confirm_totp = providers.Factory(ConfirmTotp, uow=unit_of_work, check=two_factor_check)
    disable_totp = providers.Factory(DisableTotp, uow=unit_of_work, check=two_factor_check)
    complete_totp_login = providers.Factory(
        CompleteTotpLogin,
        uow=unit_of_work,
        check=two_factor_check,
        sessions=issuer,
        attempts=login_attempts,
        audit=audit,
    )

    refresh_session = providers.Factory(
        RefreshSession, uow=unit_of_work, sessions=issuer, clock=clock, audit=audit
    )
    log_out = providers.Factory(LogOut, uow=unit_of_work, clock=clock, audit=audit)
    log_out_everywhere = providers.Factory(
        LogOutEverywhere, uow=unit_of_work, clock=clock, audit=audit
    )
    list_sessions = providers.Factory(ListSessions, uow=unit_of_work, clock=clock)
    end_session = providers.Factory(EndSession, uow=unit_of_work, clock=clock, audit=audit)
