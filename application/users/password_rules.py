"""The rules every new password meets, on every path that sets one."""

from application.ports.security import CommonPasswords
from domain.users.password_policy import PasswordPolicy
from domain.users.values import DisplayName, Email, RawPassword, Username


class PasswordRules:
    """The domain's PasswordPolicy with the list of common passwords it consults.

    ``check`` returns the NFKC-normalised password to hash, or raises InvalidValue saying why
    the password is refused (too short or long, common, or containing the user's e-mail local
    part, username or name)."""

    def __init__(self, policy: PasswordPolicy, common: CommonPasswords) -> None:
        self._policy = policy
        self._common = common

    def check(
        self,
        password: str,
        *,
        email: Email,
        username: Username | None,
        name: DisplayName,
        field: str = "password",
    ) -> RawPassword:
        return self._policy.check(
            password, common=self._common, email=email, username=username, name=name, field=field
        )
