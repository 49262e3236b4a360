"""The user's e-mail verification state: what the domain promises about it."""

from datetime import timedelta

from domain.users.events import EmailChanged, EmailVerified
from domain.users.values import Email
from tests.builders import NOW, make_user


def test_a_new_user_is_unverified():
    user = make_user()

    assert user.email_verified is False
    assert user.email_verified_at is None
    assert user.actor.email_verified is False


def test_verifying_marks_the_address_once():
    user = make_user()
    user.pull_events()
    later = NOW + timedelta(minutes=5)

    user.verify_email(now=later)
    user.verify_email(now=later + timedelta(minutes=1))

    assert user.email_verified_at == later
    assert user.actor.email_verified is True
    assert [type(e) for e in user.pull_events()] == [EmailVerified]


def test_a_new_address_is_unverified_and_the_old_one_is_named():
    user = make_user(email="old@example.com")
    user.verify_email(now=NOW)
    user.pull_events()

    user.change_email(Email("new@example.com"), now=NOW)

    assert user.email_verified is False
    (event,) = user.pull_events()
    assert isinstance(event, EmailChanged)
    assert (event.old_email, event.new_email, event.verified) == (
        "old@example.com",
        "new@example.com",
        False,
    )


def test_an_address_proven_before_the_move_stays_verified():
    user = make_user()

    user.change_email(Email("proven@example.com"), now=NOW, verified=True)

    assert user.email_verified_at == NOW


def test_the_same_address_is_no_change():
    user = make_user(email="same@example.com")
    user.verify_email(now=NOW)
    user.pull_events()

    user.change_email(Email("SAME@example.com"), now=NOW)

    assert user.email_verified is True
    assert user.pull_events() == []
