"""Folio's search syntax: words, "phrases" and -exclusions; malformed input is InvalidValue."""

import pytest

from domain.errors import InvalidValue
from domain.posts.search import SearchQuery, SearchTerm


def test_words_phrases_and_exclusions() -> None:
    query = SearchQuery('  Engine "Analytical  ENGINE" -steam -"cotton mill" e-mail ')

    assert query.included == (
        SearchTerm(("engine",)),
        SearchTerm(("analytical", "engine")),
        SearchTerm(("e", "mail")),
    )
    assert query.excluded == (
        SearchTerm(("steam",), excluded=True),
        SearchTerm(("cotton", "mill"), excluded=True),
    )


def test_operators_of_any_engine_are_plain_words() -> None:
    query = SearchQuery("engine OR NOT* (steam) NEAR/2")

    assert [term.words for term in query.terms] == [
        ("engine",), ("or",), ("not",), ("steam",), ("near", "2")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"unbalanced', id="unbalanced-quote"),
        pytest.param('engine "', id="lone-quote"),
        pytest.param("   ", id="blank"),
        pytest.param("-steam", id="only-exclusions"),
        pytest.param("*** ()", id="no-words"),
        pytest.param("x" * 201, id="too-long"),
        pytest.param("a\x00b", id="nul"),
        pytest.param(" ".join(f"w{n}" for n in range(11)), id="too-many-terms"),
    ],
)
def test_malformed_queries_are_refused_on_q(text: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        SearchQuery(text)
    assert refused.value.field == "q"
