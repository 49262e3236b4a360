"""Properties of the value objects: what holds for every input, not just the examples.

The user values (Username, Email) are in test_user_properties.py.
"""

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from domain.errors import InvalidValue
from domain.posts.values import Content, Slug, Tag, Tags, Title
from domain.text import fold_case, has_visible_character
from domain.users.values import DisplayName, Email, Username
from tests.unit.strategies import padding, valid_or_none

SLUG_SHAPE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEX = "0123456789abcdef"

visible = st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc"))
tag_texts = st.text(min_size=1, max_size=Tag.MAX_LEN)


@st.composite
def valid_tags(draw: st.DrawFn) -> Tags:
    raw = draw(st.lists(tag_texts, max_size=15))
    tags = valid_or_none(Tags.of, raw)
    return draw(st.nothing()) if tags is None else tags


@given(valid_tags())
def test_tags_are_a_fixed_point_of_their_own_normalisation(tags: Tags):
    assert Tags.of(tags.as_strings()) == tags


@given(valid_tags())
def test_tags_are_stripped_case_folded_and_distinct(tags: Tags):
    strings = tags.as_strings()
    assert all(s == fold_case(s).strip() and s for s in strings)  # casefold, not lower():
    # Cherokee letters fold to their capitals
    assert len(strings) == len(set(strings)) <= Tags.MAX_COUNT


@given(st.lists(st.text(alphabet="abcXYZ ", min_size=1, max_size=4).filter(str.strip), max_size=20))
def test_tags_keep_the_order_of_first_occurrence(raw: list[str]):
    expected = list(dict.fromkeys(s.strip().lower() for s in raw))
    if len(expected) > Tags.MAX_COUNT:
        with pytest.raises(InvalidValue):
            Tags.of(raw)
    else:
        assert Tags.of(raw).as_strings() == expected


@given(st.sets(st.text(alphabet="abcdefgh", min_size=3, max_size=3), min_size=11, max_size=20))
def test_more_than_ten_distinct_tags_are_refused(raw: set[str]):
    with pytest.raises(InvalidValue) as raised:
        Tags.of(raw)
    assert raised.value.field == "tags"


no_nul = st.characters(blacklist_characters="\x00")
titles = st.text(no_nul, min_size=Title.MIN_LEN, max_size=Title.MAX_LEN).filter(
    lambda s: len(s.strip()) >= Title.MIN_LEN
)


@given(titles)
@example("----- ----")
@example("Ünïcödé ärtïcle ﬁle")
@example("㍱ " * 66 + "x")  # NFKD makes it longer than the cut
def test_a_slug_from_any_title_is_valid(raw: str):
    slug = Slug.from_title(Title(raw))

    assert SLUG_SHAPE.match(slug.value)
    assert len(slug.value) <= Slug.MAX_LEN - 20
    assert Slug(slug.value) == slug


@given(titles)
def test_a_slug_is_its_own_slug(raw: str):
    slug = Slug.from_title(Title(raw))
    if len(slug.value) >= Title.MIN_LEN:
        assert Slug.from_title(Title(slug.value)) == slug


@given(titles, st.text(alphabet=HEX, min_size=8, max_size=8))
def test_a_slug_with_an_id_suffix_is_valid(raw: str, suffix: str):
    slug = Slug.from_title(Title(raw)).with_suffix(suffix)

    assert SLUG_SHAPE.match(slug.value)
    assert len(slug.value) <= Slug.MAX_LEN


@given(st.text(alphabet="-_ .,!?", max_size=30))
def test_invalid_slugs_are_refused(raw: str):
    with pytest.raises(InvalidValue):
        Slug(raw)


@pytest.mark.parametrize(
    ("make", "valid"),
    [
        pytest.param(Title, "A valid title", id="title"),
        pytest.param(Content, "Some valid content.", id="content"),
        pytest.param(DisplayName, "Ada Lovelace", id="name"),
        pytest.param(Tag, "python", id="tag"),
        pytest.param(Username, "ada_lovelace", id="username"),
        pytest.param(Email, "ada@example.com", id="email"),
    ],
)
@given(where=st.floats(0, 1))
def test_a_nul_character_anywhere_is_refused(
    make: Callable[[str], object], valid: str, where: float
):
    make(valid)
    at = round(where * len(valid))

    with pytest.raises(InvalidValue):
        make(valid[:at] + "\x00" + valid[at:])


def _bounded_text(min_len: int, max_len: int) -> st.SearchStrategy[str]:
    core = st.text(visible, min_size=min_len, max_size=max_len)
    return st.tuples(padding, core, padding).map("".join)


@pytest.mark.parametrize(
    ("make", "min_len", "max_len"),
    [
        pytest.param(Title, Title.MIN_LEN, Title.MAX_LEN, id="title"),
        pytest.param(DisplayName, DisplayName.MIN_LEN, DisplayName.MAX_LEN, id="name"),
        pytest.param(Tag, Tag.MIN_LEN, Tag.MAX_LEN, id="tag"),
    ],
)
@given(data=st.data())
def test_stripped_text_values_are_valid_exactly_within_their_bounds(
    make: Callable[[str], Title | DisplayName | Tag],
    min_len: int,
    max_len: int,
    data: st.DataObject,
):
    raw = data.draw(_bounded_text(0, max_len + 5))
    stripped = raw.strip()
    normalised = fold_case(raw).strip() if make is Tag else stripped
    visible = make is not DisplayName or has_visible_character(normalised)
    if min_len <= len(normalised) <= max_len and visible:
        assert make(raw).value == normalised
    else:
        with pytest.raises(InvalidValue):
            make(raw)


near_content_bounds = st.one_of(
    st.integers(0, Content.MIN_LEN + 3), st.integers(Content.MAX_LEN - 3, Content.MAX_LEN + 3)
)


@given(near_content_bounds, padding, padding)
def test_content_is_valid_exactly_when_not_blank_and_within_max_len_as_written(
    length: int, left: str, right: str
):
    raw = left + "x" * length + right
    if length >= Content.MIN_LEN and len(raw) <= Content.MAX_LEN:
        assert Content(raw).value == raw  # kept as written
    else:
        with pytest.raises(InvalidValue):
            Content(raw)
