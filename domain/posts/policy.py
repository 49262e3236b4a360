"""The content policy: what text Folio refuses to publish."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from domain.errors import ContentPolicyViolation
from domain.posts.values import Title

DEFAULT_BANNED_WORDS = ("spam", "xxx")


@dataclass(frozen=True, slots=True)
class ContentPolicy:
    """Refuses titles that contain a banned word as a whole word, whatever its case."""

    banned_words: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str] = DEFAULT_BANNED_WORDS) -> "ContentPolicy":
        return cls(frozenset(word.strip().lower() for word in words if word.strip()))

    def check_title(self, title: Title) -> None:
        words = set(re.findall(r"\w+", title.value.lower()))
        found = sorted(words & self.banned_words)
        if found:
            raise ContentPolicyViolation("title", f"contains a banned word: {found[0]}")
