"""New passwords: length after NFKC, never cut, not common, not the user's own words."""

import pytest

from adapters.security.common_passwords import ZxcvbnCommonPasswords
from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials
from application.users.change_password import ChangePasswordCommand
from domain.errors import InvalidValue
from domain.users.password_policy import PasswordPolicy
from domain.users.values import DisplayName, Email, RawPassword, Username
from tests.unit.harness import PASSWORD, Folio, register, registration

COMMON = ZxcvbnCommonPasswords()
ADA = {
    "email": Email("ada.king@example.com"),
    "username": Username("lovelace"),
    "name": DisplayName("Augusta Byron"),
}


def check(password: str, policy: PasswordPolicy | None = None) -> RawPassword:
    return (policy or PasswordPolicy()).check(password, common=COMMON, **ADA)


def test_the_bundled_list_holds_at_least_ten_thousand_common_passwords():
    assert len(COMMON) >= 10_000
    assert "password" in COMMON
    assert "12345678" in COMMON
    assert "Qwertyuiop" in COMMON  # compared case-blind


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        pytest.param("password", "at least 10 characters", id="short-and-common"),
        pytest.param("1234567890", "most common passwords", id="common-digits"),
        pytest.param("Manchester", "most common passwords", id="common-any-case"),
        pytest.param("ada.king@example.com", "e-mail address", id="own-e-mail"),
        pytest.param("my ada.king secret", "e-mail address", id="e-mail-local-part"),
        pytest.param("LoveLace-2024!", "username", id="username"),
        pytest.param("augustabyron99", "name", id="whole-name"),
        pytest.param("call me Augusta", "name", id="name-word"),
        pytest.param("p" * 129, "at most 128", id="too-long"),
    ],
)
def test_weak_passwords_are_refused_saying_why(password: str, reason: str):
    with pytest.raises(InvalidValue) as raised:
        check(password)

    assert raised.value.field == "password"
    assert reason in raised.value.message


def test_the_minimum_is_configurable_but_never_below_eight():
    assert check("zq8#vk2!", PasswordPolicy(min_length=8)).value == "zq8#vk2!"
    with pytest.raises(InvalidValue, match="most common"):
        check("12345678", PasswordPolicy(min_length=8))
    with pytest.raises(ValueError, match="8-128"):
        PasswordPolicy(min_length=7)


def test_passwords_are_nfkc_normalised_and_never_cut():
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in "correct horse battery")
    assert check(fullwidth).value == "correct horse battery"
    longest = "x7-" * 42 + "ab"
    assert len(longest) == 128
    assert check(longest).value == longest


async def test_register_refuses_a_common_password_and_stores_nothing(folio: Folio):
    with pytest.raises(InvalidValue, match="common"):
        await folio.register_user(registration(password="password123"))
    assert folio.store.users == {}


async def test_a_password_set_in_one_unicode_form_logs_in_with_another(folio: Folio):
    composed = "mot de passe d\u00e9j\u00e0 vu"
    decomposed = "mot de passe de\u0301ja\u0300 vu"
    await register(folio, "ada", password=composed)

    await folio.log_in(LogInCommand("ada@example.com", decomposed))


async def test_an_e_mail_in_any_unicode_form_logs_in(folio: Folio):
    await folio.register_user(registration(email="jose\u0301@example.com"))

    await folio.log_in(LogInCommand("JOS\u00c9@example.com", PASSWORD))
    await folio.log_in(LogInCommand(" jose\u0301@EXAMPLE.com ", PASSWORD))


async def test_change_password_applies_the_rules_to_the_new_one(folio: Folio):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue) as raised:
        await folio.change_password(ada, ChangePasswordCommand(PASSWORD, "ada-is-my-name"))
    assert raised.value.field == "new_password"
    assert "e-mail address" in raised.value.message
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada", "ada-is-my-name"))
