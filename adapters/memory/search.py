"""The memory backend's search: words compared after a crude stemming, ranked by where they
occur (title, then tags, description, content), like the SQL searches' weights."""

import re

from domain.posts.post import Post
from domain.posts.search import SearchQuery, SearchTerm

_WORD = re.compile(r"\w+")
_SUFFIXES = ("ing", "es", "ed", "s")
_WEIGHTS = (10.0, 6.0, 4.0, 1.0)  # title, tags, description, content


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _words(text: str) -> list[str]:
    return [_stem(word.lower()) for word in _WORD.findall(text)]


def _count(words: list[str], term: SearchTerm) -> int:
    wanted = [_stem(word) for word in term.words]
    size = len(wanted)
    return sum(1 for at in range(len(words) - size + 1) if words[at : at + size] == wanted)


def rank(post: Post, query: SearchQuery) -> float | None:
    """How well ``post`` matches ``query`` (higher is better), or None if it does not."""
    fields = [
        _words(post.title.value),
        _words(" ".join(post.tags.as_strings())),
        _words(post.description.value),
        _words(post.content.value),
    ]
    if any(_count(words, term) for term in query.excluded for words in fields):
        return None
    score = 0.0
    for term in query.included:
        found = [
            _count(words, term) * weight for words, weight in zip(fields, _WEIGHTS, strict=True)
        ]
        if not any(found):
            return None
        score += sum(found)
    return score
