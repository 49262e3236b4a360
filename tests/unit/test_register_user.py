import pytest

from application.users.register_user import RegisterUserCommand
from domain.errors import EmailAlreadyRegistered, InvalidValue, UsernameAlreadyTaken
from domain.roles import Role
from domain.users.events import UserRegistered
from domain.users.password_policy import PasswordPolicy
from domain.users.values import RawPassword
from tests.unit.harness import PASSWORD, Folio, register, registration


async def test_registers_a_user_with_a_normalised_email_and_a_hashed_password(folio: Folio):
    view = await folio.register_user(registration(email="  Ada@Example.COM "))

    stored = folio.store.users[view.id]
    assert stored.email.value == "ada@example.com"
    assert stored.password_hash == f"hashed:{PASSWORD}:v1"
    assert stored.role is Role.USER
    assert stored.is_active
    assert stored.created_at == folio.clock.now()
    assert view.email == "ada@example.com"  # the new user sees their own e-mail


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        pytest.param("ada@example.com", "ada", id="local-part"),
        pytest.param("Ada.Lovelace+blog@example.com", "adalovelaceblog", id="junk-removed"),
        pytest.param("a@example.com", "a__", id="padded-to-min-length"),
        pytest.param(f"{'x' * 40}@example.com", "x" * 32, id="cut-to-max-length"),
    ],
)
async def test_derives_the_username_from_the_email(folio: Folio, email: str, expected: str):
    view = await folio.register_user(registration(email=email))

    assert view.username == expected


async def test_a_taken_derived_username_gets_a_suffix_from_the_new_id(folio: Folio):
    first = await folio.register_user(registration(email="ada@example.com"))
    second = await folio.register_user(registration(email="ada@example.org"))

    assert first.username == "ada"
    assert second.username == f"ada-{second.id.hex[:8]}"
    assert {u.username.value for u in folio.store.users.values()} == {"ada", second.username}


async def test_an_explicit_username_is_kept_as_written_and_found_in_any_case(folio: Folio):
    view = await folio.register_user(registration(username="Countess_Ada"))

    assert view.username == "Countess_Ada"
    async with folio.uow() as uow:
        found = await uow.users.get_by_username("COUNTESS_ada")
    assert found is not None
    assert found.id == view.id


async def test_an_explicit_username_that_is_taken_is_refused(folio: Folio):
    await register(folio, "ada", username="lovelace")

    with pytest.raises(UsernameAlreadyTaken):
        await folio.register_user(registration(email="other@example.com", username="LOVELACE"))
    assert len(folio.store.users) == 1


async def test_an_email_registered_in_another_case_is_refused(folio: Folio):
    await register(folio, "ada")

    with pytest.raises(EmailAlreadyRegistered):
        await folio.register_user(registration(email="ADA@example.com", username="other"))
    assert len(folio.store.users) == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"email": "not-an-email"}, "email", id="email-no-at"),
        pytest.param({"email": "ada@localhost"}, "email", id="email-no-dot"),
        pytest.param({"name": " x "}, "name", id="name-too-short"),
        pytest.param({"name": "n" * 101}, "name", id="name-too-long"),
        pytest.param({"password": "p" * 7}, "password", id="password-too-short"),
        pytest.param({"password": "Xq7-Zr9-k"}, "password", id="password-under-policy-min"),
        pytest.param({"password": "p" * 129}, "password", id="password-too-long"),
        pytest.param({"age": -1}, "age", id="age-negative"),
        pytest.param({"age": 151}, "age", id="age-too-high"),
        pytest.param({"username": "ab"}, "username", id="username-too-short"),
        pytest.param({"username": "has space"}, "username", id="username-bad-chars"),
        pytest.param({"username": "u" * 33}, "username", id="username-too-long"),
    ],
)
async def test_bad_input_is_refused_naming_the_field_and_nothing_is_stored(
    folio: Folio, overrides: dict[str, object], field: str
):
    with pytest.raises(InvalidValue) as raised:
        await folio.register_user(registration(**overrides))

    assert raised.value.field == field
    assert folio.store.users == {}
    assert folio.event_names() == []


@pytest.mark.parametrize(
    "length",
    [
        pytest.param(PasswordPolicy.DEFAULT_MIN_LEN, id="min"),
        pytest.param(RawPassword.MAX_LEN, id="max"),
    ],
)
async def test_passwords_at_the_policy_bounds_are_accepted(folio: Folio, length: int):
    password = ("Xq7-Zr9-k" * 20)[:length]
    view = await folio.register_user(registration(password=password))

    assert folio.store.users[view.id].password_hash == f"hashed:{password}:v1"


async def test_user_registered_is_published_after_commit(folio: Folio):
    view = await folio.register_user(registration())

    assert list(folio.publisher.recent) == [
        UserRegistered(
            occurred_at=folio.clock.now(), user_id=view.id, email="ada@example.com", username="ada"
        )
    ]


async def test_a_refused_registration_publishes_nothing(folio: Folio):
    await register(folio, "ada")
    folio.publisher.recent.clear()

    with pytest.raises(EmailAlreadyRegistered):
        await folio.register_user(registration(email="ada@example.com", username="someone"))

    assert folio.event_names() == []


async def test_registers_an_admin_when_asked(folio: Folio):
    view = await folio.register_user(
        RegisterUserCommand(
            email="root@example.com", name="Root", password=PASSWORD, role=Role.ADMIN
        )
    )

    assert view.role is Role.ADMIN
    assert folio.store.users[view.id].role is Role.ADMIN
