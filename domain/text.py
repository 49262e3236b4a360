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


# Categories that draw nothing: controls, formats (zero-width joiners, bidi marks), separators,
# unassigned and private-use code points, and the combining marks when on their own.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})
# Letters and symbols that render as blank space.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def has_visible_character(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces, controls, zero-width or blank glyphs."""
    return any(
        unicodedata.category(char) not in _INVISIBLE_CATEGORIES and char not in _BLANK_GLYPHS
        for char in text
    )


def fold_case(text: str) -> str:
    """The form under which two words match whatever their case: Unicode case folding
    ('STRASSE', 'Straße' and 'strasse' fold alike), composed (NFC) so that a precomposed and a
    decomposed accent match too."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
