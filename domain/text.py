"""Small text helpers shared by value objects."""

import re
import unicodedata

from domain.errors import InvalidValue

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def check_length(field: str, value: str, min_len: int, max_len: int) -> None:
    """Length bounds, and no NUL character (no database stores one in text)."""
    if "\x00" in value:
        raise InvalidValue(field, "must not contain NUL characters")
    if len(value) < min_len:
        raise InvalidValue(field, f"must be at least {min_len} characters")
    if len(value) > max_len:
        raise InvalidValue(field, f"must be at most {max_len} characters")


def slugify(text: str) -> str:
    """ASCII, lower-case, words joined by hyphens: 'Héllo, World!' -> 'hello-world'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
