"""Value objects of the user aggregate. Limits are ClassVars that schemas and tables reuse."""

import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlsplit

from domain.errors import InvalidValue
from domain.text import check_length, has_visible_character

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_USERNAME = re.compile(r"^[A-Za-z0-9_-]+$")
_USERNAME_JUNK = re.compile(r"[^a-z0-9_-]+")


def normalise_login(text: str) -> str:
    """The one normal form of an e-mail address or username, on every path (register, log in,
    reset, change): NFKC, surrounding blanks removed, lower case."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def normalise_password(password: str) -> str:
    """NFKC, so that the same password typed on any keyboard or system hashes the same.
    Nothing is stripped or cut: every character counts."""
    return unicodedata.normalize("NFKC", password)


@dataclass(frozen=True, slots=True)
class Email:
    """An e-mail address in its normal form (``normalise_login``), so equality is case-blind
    and Unicode-blind."""

    value: str
    MAX_LEN: ClassVar[int] = 254

    def __post_init__(self) -> None:
        normalised = normalise_login(self.value)
        check_length("email", normalised, 3, self.MAX_LEN)
        if not _EMAIL.match(normalised):
            raise InvalidValue("email", "is not a valid e-mail address")
        object.__setattr__(self, "value", normalised)

    @property
    def local_part(self) -> str:
        return self.value.split("@", 1)[0]


@dataclass(frozen=True, slots=True)
class Username:
    """The unique public handle: 3-32 of A-Z, a-z, 0-9, '_' and '-'. Kept as written (``Jake``
    stays ``Jake``) and unique whatever its case: ``key`` is what uniqueness and look-ups
    compare (ADR 012)."""

    value: str
    MIN_LEN: ClassVar[int] = 3
    MAX_LEN: ClassVar[int] = 32
    PATTERN: ClassVar[str] = "^[A-Za-z0-9_-]{3,32}$"

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("username", normalised, self.MIN_LEN, self.MAX_LEN)
        if not _USERNAME.match(normalised):
            raise InvalidValue("username", "may contain only letters, digits, '_' and '-'")
        object.__setattr__(self, "value", normalised)

    @property
    def key(self) -> str:
        """The case-blind form two handles are compared by: ``Jake`` and ``jake`` are one."""
        return self.value.lower()

    @classmethod
    def key_of(cls, raw: str) -> str | None:
        """The key of the handle ``raw`` names, or None when no handle can be written so."""
        try:
            return cls(raw).key
        except InvalidValue:
            return None

    @classmethod
    def base_for(cls, email: Email) -> "Username":
        """A handle derived from the e-mail's local part, padded or cut to fit the rules."""
        base = _USERNAME_JUNK.sub("", email.local_part.lower())[: cls.MAX_LEN]
        return cls(base.ljust(cls.MIN_LEN, "_"))

    def with_suffix(self, suffix: str) -> "Username":
        """This handle with ``-suffix`` appended, cut so the whole still fits MAX_LEN."""
        tail = f"-{suffix}"
        return Username(self.value[: self.MAX_LEN - len(tail)] + tail)


@dataclass(frozen=True, slots=True)
class Bio:
    """A short text about the user, as written but stripped; at most MAX_LEN characters."""

    value: str
    MAX_LEN: ClassVar[int] = 1000

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("bio", normalised, 1, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class ImageUrl:
    """The address of the user's picture: an absolute http or https URL with a host. Every
    other scheme (``javascript:``, ``data:``, ``file:``...) is refused, since front ends put
    it straight into ``<img src>``."""

    value: str
    MAX_LEN: ClassVar[int] = 2048
    SCHEMES: ClassVar[frozenset[str]] = frozenset({"http", "https"})

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("image", normalised, 1, self.MAX_LEN)
        if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in normalised):
            raise InvalidValue("image", "must not contain spaces or control characters")
        try:
            parts = urlsplit(normalised)
            host = parts.hostname
        except ValueError as error:
            raise InvalidValue("image", "is not a valid URL") from error
        if parts.scheme.lower() not in self.SCHEMES or not host:
            raise InvalidValue("image", "must be an absolute http:// or https:// URL")
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class DisplayName:
    value: str
    MIN_LEN: ClassVar[int] = 2
    MAX_LEN: ClassVar[int] = 100

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("name", normalised, self.MIN_LEN, self.MAX_LEN)
        if not has_visible_character(normalised):
            raise InvalidValue("name", "must contain a visible character")
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class Age:
    value: int
    MIN: ClassVar[int] = 0
    MAX: ClassVar[int] = 150

    def __post_init__(self) -> None:
        if not self.MIN <= self.value <= self.MAX:
            raise InvalidValue("age", f"must be between {self.MIN} and {self.MAX}")


@dataclass(frozen=True, slots=True)
class RawPassword:
    """A password as typed, NFKC-normalised, within the absolute length bounds (the policy may
    ask for more: ``PasswordPolicy``). Never truncated, never stored, never shown in repr."""

    value: str
    MIN_LEN: ClassVar[int] = 8
    MAX_LEN: ClassVar[int] = 128

    def __post_init__(self) -> None:
        normalised = normalise_password(self.value)
        check_length("password", normalised, self.MIN_LEN, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)

    def __repr__(self) -> str:
        return "RawPassword('********')"


def blank(raw: str | None) -> bool:
    """Whether an optional text field was left empty (None, or only whitespace)."""
    return raw is None or not raw.strip()
