"""Value objects of the post aggregate. Limits are ClassVars that schemas and tables reuse."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from domain.errors import InvalidValue
from domain.text import check_length, fold_case, slugify


@dataclass(frozen=True, slots=True)
class Title:
    value: str
    MIN_LEN: ClassVar[int] = 5
    MAX_LEN: ClassVar[int] = 200

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("title", normalised, self.MIN_LEN, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class Description:
    """An optional summary of a post: stripped, at most MAX_LEN characters, empty when none."""

    value: str = ""
    MAX_LEN: ClassVar[int] = 300

    def __post_init__(self) -> None:
        normalised = self.value.strip()
        check_length("description", normalised, 0, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class Content:
    value: str
    MIN_LEN: ClassVar[int] = 10
    MAX_LEN: ClassVar[int] = 100_000

    def __post_init__(self) -> None:
        # Kept as written, whitespace included: the stripped text must not be blank and the
        # whole text, as stored, must fit MAX_LEN.
        check_length("content", self.value.strip(), self.MIN_LEN, self.MAX_LEN)
        check_length("content", self.value, self.MIN_LEN, self.MAX_LEN)


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag: stripped and case-folded (Unicode: 'Straße' and 'STRASSE' are one tag), 1-30
    characters."""

    value: str
    MIN_LEN: ClassVar[int] = 1
    MAX_LEN: ClassVar[int] = 30

    def __post_init__(self) -> None:
        normalised = fold_case(self.value).strip()
        check_length("tags", normalised, self.MIN_LEN, self.MAX_LEN)
        object.__setattr__(self, "value", normalised)


@dataclass(frozen=True, slots=True)
class Tags:
    """At most MAX_COUNT distinct tags, in the order first given."""

    values: tuple[Tag, ...] = ()
    MAX_COUNT: ClassVar[int] = 10

    def __post_init__(self) -> None:
        unique = tuple(dict.fromkeys(self.values))
        if len(unique) > self.MAX_COUNT:
            raise InvalidValue("tags", f"at most {self.MAX_COUNT} distinct tags are allowed")
        object.__setattr__(self, "values", unique)

    @classmethod
    def of(cls, raw: Iterable[str]) -> "Tags":
        return cls(tuple(Tag(item) for item in raw))

    def as_strings(self) -> list[str]:
        return [tag.value for tag in self.values]


@dataclass(frozen=True, slots=True)
class Slug:
    """The URL name of a post, made from its title: a-z, 0-9 and single hyphens."""

    value: str
    MAX_LEN: ClassVar[int] = 220
    FALLBACK: ClassVar[str] = "post"
    # Words a post's address cannot be because a route of the collection has them: the
    # RealWorld API's GET /api/articles/feed would answer for an article slugged "feed".
    RESERVED: ClassVar[frozenset[str]] = frozenset({"feed"})

    def __post_init__(self) -> None:
        if not self.value or slugify(self.value) != self.value or len(self.value) > self.MAX_LEN:
            raise InvalidValue("slug", "must be lower-case words of a-z and 0-9 joined by '-'")

    @classmethod
    def from_title(cls, title: Title) -> "Slug":
        return cls(slugify(title.value)[: cls.MAX_LEN - 20].strip("-") or cls.FALLBACK)

    @property
    def reserved(self) -> bool:
        """Whether a new slug must not be this one, as if another post held it."""
        return self.value in self.RESERVED

    def with_suffix(self, suffix: str) -> "Slug":
        return Slug(f"{self.value}-{suffix}")
