"""What a new password must be (OWASP ASVS 5.0 V6.2): long enough, not common, not personal."""

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import ClassVar

from domain.errors import InvalidValue
from domain.users.values import DisplayName, Email, RawPassword, Username

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    """At least ``min_length`` characters after NFKC (at most RawPassword.MAX_LEN, never cut),
    not in a list of common passwords, and not containing the user's e-mail local part,
    username or name. Each refusal is an InvalidValue on ``field`` that says why."""

    min_length: int = 10
    DEFAULT_MIN_LEN: ClassVar[int] = 10
    # Shorter personal words ("al", "jo", "anna" inside "savannah") are too common to refuse.
    MIN_PERSONAL_LEN: ClassVar[int] = 3
    MIN_NAME_WORD_LEN: ClassVar[int] = 4

    def __post_init__(self) -> None:
        if not RawPassword.MIN_LEN <= self.min_length <= RawPassword.MAX_LEN:
            raise ValueError(
                f"the minimum password length must be {RawPassword.MIN_LEN}-{RawPassword.MAX_LEN}"
            )

    def check(
        self,
        password: str,
        *,
        common: Container[str],
        email: Email,
        username: Username | None,
        name: DisplayName,
        field: str = "password",
    ) -> RawPassword:
        try:
            raw = RawPassword(password)
        except InvalidValue as error:
            raise InvalidValue(field, error.message) from None
        value = raw.value
        if len(value) < self.min_length:
            raise InvalidValue(field, f"must be at least {self.min_length} characters")
        if value.lower() in common:
            raise InvalidValue(field, "is one of the most common passwords; choose another")
        lowered = value.lower()
        for what, word in self._personal_words(email, username, name):
            if word in lowered:
                raise InvalidValue(field, f"must not contain your {what}")
        return raw

    def _personal_words(
        self, email: Email, username: Username | None, name: DisplayName
    ) -> Iterable[tuple[str, str]]:
        whole = [("e-mail address", email.local_part), ("e-mail address", email.value)]
        if username is not None:
            whole.append(("username", username.value))
        name_words = _WORDS.findall(name.value.lower())
        whole.append(("name", "".join(name_words)))
        yield from ((what, w) for what, w in whole if len(w) >= self.MIN_PERSONAL_LEN)
        yield from (("name", w) for w in name_words if len(w) >= self.MIN_NAME_WORD_LEN)
