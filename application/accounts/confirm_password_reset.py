"""Set a new password with the token of a reset e-mail."""

from dataclasses import dataclass

from application.ports.account_tokens import AccountLinkTokens
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.password_rules import PasswordRules
from domain.users.account_token import AccountTokenStale, TokenPurpose, UnknownAccountToken
from domain.users.values import RawPassword


@dataclass(frozen=True, slots=True)
class ConfirmPasswordResetCommand:
    token: str
    new_password: str


class ConfirmPasswordReset:
    """The token's user gets the new password and every session of theirs ends. The token
    works once (AccountTokenUsed after, also against a concurrent request), for 30 minutes
    (AccountTokenExpired); an unknown token, or one for an account that has since changed
    its address or been deactivated, is UnknownAccountToken or AccountTokenStale. Any other
    unused reset token of the user is voided with it. Following the link proves the address,
    so it is verified too. The new password meets the password rules (InvalidValue on
    ``new_password`` says why), checked before the token is spent."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        links: AccountLinkTokens,
        clock: Clock,
        rules: PasswordRules,
    ) -> None:
        self._rules = rules
        self._uow = uow
        self._hasher = hasher
        self._links = links
        self._clock = clock

    async def __call__(self, command: ConfirmPasswordResetCommand) -> None:
        digest = self._links.digest(command.token)
        password = await self._checked(digest, command.new_password)
        new_hash = await self._hasher.hash(password.value)  # before the transaction
        async with self._uow as uow:
            token = await uow.account_tokens.get_by_digest(digest)
            if token is None:
                raise UnknownAccountToken()
            now = self._clock.now()
            token.spend(TokenPurpose.PASSWORD_RESET, now=now)
            user = await uow.users.get(token.user_id)
            if user is None or not user.is_active:
                raise UnknownAccountToken()
            if user.email.value != token.email:
                raise AccountTokenStale()
            for other in await uow.account_tokens.unused_of(user.id, TokenPurpose.PASSWORD_RESET):
                other.void(now=now)
            user.change_password(new_hash, now=now)
            user.verify_email(now=now)
            await uow.commit()

    async def _checked(self, digest: str, new_password: str) -> RawPassword:
        """The rules with the token's user's e-mail, username and name; for a token that
        names nobody, the length bounds alone (the transaction then refuses the token)."""
        async with self._uow as uow:
            token = await uow.account_tokens.get_by_digest(digest)
            user = None if token is None else await uow.users.get(token.user_id)
        if user is None:
            return RawPassword(new_password)
        return self._rules.check(
            new_password,
            email=user.email,
            username=user.username,
            name=user.name,
            field="new_password",
        )
