"""The providers of issue 8's account flows: password reset, e-mail verification and the
e-mails they send. A sub-container of the composition root."""

from dependency_injector import containers, providers

from adapters.security.link_tokens import HmacLinkTokens
from application.accounts.account_emails import (
    EmailChangedNotice,
    PasswordResetEmail,
    VerificationEmail,
)
from application.accounts.confirm_password_reset import ConfirmPasswordReset
from application.accounts.request_password_reset import RequestPasswordReset
from application.accounts.resend_verification import ResendVerification
from application.accounts.token_mail import TokenMail
from application.accounts.verify_email import VerifyEmail
from application.notifications.mailer import Mailer
from application.ports.clock import Clock, IdGenerator
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.password_rules import PasswordRules
from domain.users.verification import ContributionPolicy
from entrypoints.settings import Settings


class AccountsContainer(containers.DeclarativeContainer):
    settings: providers.Dependency[Settings] = providers.Dependency()
    unit_of_work: providers.Dependency[UnitOfWork] = providers.Dependency()
    # The container's unit-of-work provider itself: handlers open one per delivery.
    unit_of_work_factory: providers.Dependency[object] = providers.Dependency()
    clock: providers.Dependency[Clock] = providers.Dependency()
    ids: providers.Dependency[IdGenerator] = providers.Dependency()
    hasher: providers.Dependency[PasswordHasher] = providers.Dependency()
    password_rules: providers.Dependency[PasswordRules] = providers.Dependency()
    mailer: providers.Dependency[Mailer] = providers.Dependency()

    contribution = providers.Singleton(
        ContributionPolicy, require_verified_email=settings.provided.require_verified_email
    )
    links = providers.Singleton(HmacLinkTokens, settings.provided.signing_secret)

    request_password_reset = providers.Factory(
        RequestPasswordReset, uow=unit_of_work, clock=clock, ids=ids
    )
    confirm_password_reset = providers.Factory(
        ConfirmPasswordReset,
        uow=unit_of_work,
        hasher=hasher,
        links=links,
        clock=clock,
        rules=password_rules,
    )
    verify_email = providers.Factory(VerifyEmail, uow=unit_of_work, links=links, clock=clock)
    resend_verification = providers.Factory(ResendVerification, uow=unit_of_work, clock=clock)

    token_mail = providers.Singleton(TokenMail, unit_of_work_factory, links, mailer)
    password_reset_email = providers.Singleton(PasswordResetEmail, token_mail)
    verification_email = providers.Singleton(VerificationEmail, token_mail)
    email_changed_notice = providers.Singleton(EmailChangedNotice, token_mail)
