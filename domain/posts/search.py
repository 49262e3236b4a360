"""What a reader searches posts for: Folio's own small query language, parsed and checked here
so every storage runs the same query and malformed input is a clear InvalidValue.

Words are looked for together (AND); ``"a phrase"`` looks for words in a row; ``-word`` (or
``-"a phrase"``) excludes posts that have it. Case and punctuation do not matter."""

import re
from dataclasses import dataclass
from typing import ClassVar

from domain.errors import InvalidValue

_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)|(")')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """Words that must appear in a row (one word, or a phrase), or must not when ``excluded``."""

    words: tuple[str, ...]
    excluded: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    value: str
    terms: tuple[SearchTerm, ...] = ()
    MAX_LEN: ClassVar[int] = 200
    MAX_TERMS: ClassVar[int] = 10

    def __post_init__(self) -> None:
        text = self.value.strip()
        if "\x00" in text or len(text) > self.MAX_LEN:
            raise InvalidValue("q", f"must be at most {self.MAX_LEN} characters, without NUL")
        terms = tuple(_terms(text))
        if not any(not term.excluded for term in terms):
            raise InvalidValue("q", "must contain at least one word to look for")
        if len(terms) > self.MAX_TERMS:
            raise InvalidValue("q", f"may contain at most {self.MAX_TERMS} words or phrases")
        object.__setattr__(self, "value", text)
        object.__setattr__(self, "terms", terms)

    @property
    def included(self) -> tuple[SearchTerm, ...]:
        return tuple(term for term in self.terms if not term.excluded)

    @property
    def excluded(self) -> tuple[SearchTerm, ...]:
        return tuple(term for term in self.terms if term.excluded)


def _terms(text: str) -> list[SearchTerm]:
    found: list[SearchTerm] = []
    for match in _TOKEN.finditer(text):
        if match.group(5):
            raise InvalidValue("q", 'has an unbalanced quote (")')
        excluded = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        words = tuple(word.lower() for word in _WORD.findall(raw))
        if words:
            found.append(SearchTerm(words, excluded))
    return found
