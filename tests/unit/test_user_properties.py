"""Properties of the user value objects: Username and Email, and the username derived from it."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from domain.errors import InvalidValue
from domain.users.values import Email, Username
from tests.unit.strategies import padding, valid_or_none

HANDLE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"

handles = st.text(alphabet=HANDLE_CHARS, min_size=Username.MIN_LEN, max_size=Username.MAX_LEN)


@given(st.text(alphabet=HANDLE_CHARS, max_size=Username.MAX_LEN + 5), padding)
def test_usernames_are_valid_exactly_within_their_bounds(raw: str, pad: str):
    if Username.MIN_LEN <= len(raw) <= Username.MAX_LEN:
        username = Username(pad + raw + pad)
        assert username.value == raw
        assert username.key == raw.lower()
    else:
        with pytest.raises(InvalidValue):
            Username(pad + raw + pad)


@given(handles, st.characters(blacklist_characters=HANDLE_CHARS))
def test_usernames_with_any_other_character_are_refused(raw: str, bad: str):
    candidate = raw[:2] + bad + raw[2:]
    try:
        username = Username(candidate)
    except InvalidValue:
        return
    # Only a character that strip() or lower() turns into an allowed one may pass.
    assert re.fullmatch(r"[a-z0-9_-]{3,32}", username.value)


@given(handles, st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=31))
def test_a_suffixed_username_keeps_the_bounds(raw: str, suffix: str):
    suffixed = Username(raw).with_suffix(suffix)

    assert len(suffixed.value) <= Username.MAX_LEN
    assert suffixed.value.endswith(f"-{suffix}")


email_locals = st.text(
    st.characters(blacklist_characters="@", blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=80,
)


@st.composite
def valid_emails(draw: st.DrawFn) -> Email:
    raw = draw(st.one_of(st.emails(), st.builds("{}@example.com".format, email_locals)))
    email = valid_or_none(Email, raw)
    return draw(st.nothing()) if email is None else email


@given(valid_emails())
@example(Email("+++@example.com"))
@example(Email("Ünïcödé.Ⅻ@example.com"))
def test_a_username_derived_from_any_email_is_valid(email: Email):
    username = Username.base_for(email)

    assert Username(username.value) == username
    assert username.with_suffix("0123abcd").value.endswith("-0123abcd")


@given(valid_emails())
def test_a_valid_email_is_stripped_lower_case_and_fixed(email: Email):
    assert email.value == email.value.strip().lower()
    assert Email(f" {email.value} ") == email
    assert len(email.value) <= Email.MAX_LEN


@given(st.integers(1, 300), padding)
def test_emails_are_valid_exactly_within_their_length_bound(local_len: int, pad: str):
    raw = "a" * local_len + "@example.com"
    if len(raw) <= Email.MAX_LEN:
        assert Email(pad + raw.upper() + pad).value == raw
    else:
        with pytest.raises(InvalidValue):
            Email(raw)
