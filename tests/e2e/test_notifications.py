"""The inbox, admin e-mails and e-mail preferences over HTTP, on memory, SQLite and PostgreSQL,
with the outbox relay running in the app and the memory e-mail sender."""

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import uuid4

import pytest
from httpx import AsyncClient

from adapters.email.senders import MemoryEmailSender
from entrypoints.container import Container
from tests.e2e.conftest import BACKENDS, Account, make_container, storage_settings
from tests.e2e.helpers import assert_problem, create_post

WAIT_SECONDS = 10
WELCOME = "Welcome to"


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    return make_container(
        email_backend="memory",
        outbox_poll_seconds=0.1,
        **storage_settings(request.param, tmp_path),
    )


@pytest.fixture
def outbox_mail(container: Container) -> MemoryEmailSender:
    sender = container.notifications.email_sender()
    assert isinstance(sender, MemoryEmailSender)
    return sender


async def eventually(check: Callable[[], Awaitable[Any]]) -> Any:
    """The first truthy result of ``check`` within WAIT_SECONDS (the relay is asynchronous)."""
    for _ in range(WAIT_SECONDS * 20):
        result = await check()
        if result:
            return result
        await asyncio.sleep(0.05)
    raise AssertionError("the relay did not deliver in time")


async def inbox(client: AsyncClient, account: Account, **query: Any) -> dict[str, Any]:
    response = await client.get("/me/notifications", params=query, headers=account.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def inbox_with(client: AsyncClient, account: Account, total: int) -> dict[str, Any]:
    async def check() -> dict[str, Any] | None:
        found = await inbox(client, account)
        return found if found["total"] >= total else None

    return dict(await eventually(check))


async def mails_to(
    sender: MemoryEmailSender, address: str, count: int = 1, subject: str = ""
) -> list[Any]:
    """The e-mails to ``address`` whose subject holds ``subject``, once there are ``count``
    (an account also gets a verification e-mail: docs/accounts.md)."""

    async def check() -> list[Any]:
        found = [mail for mail in sender.to(address) if subject in mail.subject]
        return found if len(found) >= count else []

    return list(await eventually(check))


async def test_a_new_user_gets_a_welcome_note_and_a_welcome_email(
    client: AsyncClient, alice: Account, outbox_mail: MemoryEmailSender
) -> None:
    found = await inbox_with(client, alice, 1)

    assert (found["total"], found["unread"], found["skip"], found["limit"]) == (1, 1, 0, 20)
    (note,) = found["items"]
    assert (note["kind"], note["read"], note["read_at"]) == ("welcome", False, None)
    assert "Welcome to Folio" in note["message"]
    (mail,) = await mails_to(outbox_mail, alice.user["email"], subject=WELCOME)
    headers = dict(mail.headers)
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http")
    assert alice.user["username"] in mail.text
    assert alice.user["username"] in mail.html


async def test_authors_are_told_when_an_admin_deletes_their_post_newest_first(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    posts = [await create_post(client, alice.headers, title=f"Post {n}") for n in range(3)]
    own = await create_post(client, alice.headers, title="Deleted by Alice herself")
    for post in posts:
        assert (
            await client.delete(f"/posts/{post['id']}", headers=admin.headers)
        ).status_code == 204
    assert (await client.delete(f"/posts/{own['id']}", headers=alice.headers)).status_code == 204

    found = await inbox_with(client, alice, 4)
    await asyncio.sleep(0.3)  # no fifth notification for her own deletion
    page = await inbox(client, alice, limit=2)

    assert (page["total"], page["unread"], len(page["items"])) == (4, 4, 2)
    kinds = [item["kind"] for item in found["items"]]
    assert kinds == ["post_deleted", "post_deleted", "post_deleted", "welcome"]
    stamps = [item["created_at"] for item in found["items"]]
    assert stamps == sorted(stamps, reverse=True)
    assert '"Post 2"' in found["items"][0]["message"]
    assert (await inbox_with(client, bob, 1))["total"] == 1  # only his own


async def test_authors_hear_of_new_followers_favourites_and_comments(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    post = await create_post(client, alice.headers, title="Engines", published=True)
    bobs_name = bob.user["username"]
    comments = f"/posts/{post['id']}/comments"
    calls = [
        client.post(f"/users/{alice.user['username']}/follow", headers=bob.headers),
        client.post(f"/posts/{post['id']}/favorite", headers=bob.headers),
        client.post(comments, json={"body": "Lovely."}, headers=bob.headers),
        client.post(comments, json={"body": "Thanks!"}, headers=alice.headers),
    ]
    for call in calls:
        assert (await call).status_code in (200, 201)

    found = await inbox_with(client, alice, 4)
    await asyncio.sleep(0.3)  # nothing for her own comment

    messages = {item["kind"]: item["message"] for item in (await inbox(client, alice))["items"]}
    assert set(messages) == {"welcome", "followed", "post_favorited", "comment_added"}
    assert found["total"] == 4
    assert messages["followed"] == f"{bobs_name} started following you."
    assert messages["post_favorited"] == f'{bobs_name} favourited your post "Engines".'
    assert messages["comment_added"] == f'{bobs_name} commented on your post "Engines": Lovely.'
    assert (await inbox(client, bob))["total"] == 1  # his welcome only


async def test_notifications_are_marked_read_by_id_or_all_and_only_ones_own(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers)
    await client.delete(f"/posts/{post['id']}", headers=admin.headers)
    mine = await inbox_with(client, alice, 2)
    bobs = await inbox_with(client, bob, 1)
    first = mine["items"][0]["id"]

    ids = {"ids": [first, bobs["items"][0]["id"], str(uuid4())]}
    marked = await client.post("/me/notifications/read", json=ids, headers=alice.headers)
    assert marked.status_code == 200, marked.text
    assert marked.json() == {"unread": 1}
    after = await inbox(client, alice)
    assert [(i["id"] == first, i["read"]) for i in after["items"]] == [(True, True), (False, False)]
    assert (await inbox(client, bob))["unread"] == 1

    everything = await client.post(
        "/me/notifications/read", json={"all": True}, headers=alice.headers
    )
    assert everything.json() == {"unread": 0}
    assert all(item["read_at"] for item in (await inbox(client, alice))["items"])


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({}, id="nothing"),
        pytest.param({"ids": []}, id="no-ids"),
        pytest.param({"ids": [str(uuid4())], "all": True}, id="both"),
        pytest.param({"all": False}, id="all-false"),
        pytest.param({"ids": ["not-a-uuid"]}, id="bad-id"),
        pytest.param({"ids": [str(uuid4()) for _ in range(101)]}, id="too-many"),
    ],
)
async def test_a_bad_read_request_is_422(client: AsyncClient, alice: Account, body: Any) -> None:
    response = await client.post("/me/notifications/read", json=body, headers=alice.headers)
    assert_problem(response, 422)


async def test_the_inbox_is_for_signed_in_users(client: AsyncClient) -> None:
    assert_problem(await client.get("/me/notifications"), 401)
    assert_problem(await client.post("/me/notifications/read", json={"all": True}), 401)


MESSAGE = {"subject": "Maintenance tonight", "message": "Folio is down from 22:00.\n\nSorry!"}


async def test_an_admin_queues_an_email_that_the_outbox_delivers(
    client: AsyncClient, admin: Account, outbox_mail: MemoryEmailSender
) -> None:
    body = {"email": "Reader@Example.com", **MESSAGE}
    response = await client.post("/send-notification", json=body, headers=admin.headers)

    assert response.status_code == 202, response.text
    assert response.json()["id"]
    (mail,) = await mails_to(outbox_mail, "reader@example.com")
    assert mail.subject == "Maintenance tonight"
    assert "Folio is down from 22:00." in mail.text
    assert "<p>Sorry!</p>" in mail.html
    assert dict(mail.headers)["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


async def test_sending_is_for_admins_only(
    client: AsyncClient, alice: Account, outbox_mail: MemoryEmailSender
) -> None:
    body = {"email": "victim@example.com", **MESSAGE}
    assert_problem(await client.post("/send-notification", json=body), 401)
    assert_problem(await client.post("/send-notification", json=body, headers=alice.headers), 403)
    bad = {"email": "victim@example.com\r\nBcc: x@example.com", **MESSAGE}
    assert_problem(await client.post("/send-notification", json=bad, headers=alice.headers), 403)
    await asyncio.sleep(0.3)
    assert outbox_mail.to("victim@example.com") == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"subject": "Hi\r\nBcc: victim@example.com"}, id="crlf-subject"),
        pytest.param({"subject": "Hi\nthere"}, id="lf-subject"),
        pytest.param({"email": "a@example.com\r\nBcc: victim@example.com"}, id="crlf-address"),
        pytest.param({"email": "a@example.com\n"}, id="lf-address"),
        pytest.param({"subject": "s" * 201}, id="long-subject"),
        pytest.param({"message": "m" * 10_001}, id="long-message"),
        pytest.param({"subject": ""}, id="empty-subject"),
        pytest.param({"message": ""}, id="empty-message"),
        pytest.param({"email": "not an address"}, id="bad-address"),
    ],
)
async def test_header_injection_and_oversized_text_are_refused(
    client: AsyncClient, admin: Account, change: dict[str, str]
) -> None:
    body = {"email": "reader@example.com", **MESSAGE, **change}
    response = await client.post("/send-notification", json=body, headers=admin.headers)
    assert_problem(response, 422)


async def test_users_switch_notification_emails_off_and_on(
    client: AsyncClient, alice: Account, admin: Account, outbox_mail: MemoryEmailSender
) -> None:
    address = alice.user["email"]
    await mails_to(outbox_mail, address, subject=WELCOME)
    assert (await client.get("/me", headers=alice.headers)).json()["email_notifications"] is True
    off = await client.patch("/me", json={"email_notifications": False}, headers=alice.headers)
    assert off.status_code == 200, off.text
    assert off.json()["email_notifications"] is False
    others_view = (await client.get(f"/users/{alice.id}")).json()
    assert "email_notifications" not in others_view

    post = await create_post(client, alice.headers)
    await client.delete(f"/posts/{post['id']}", headers=admin.headers)
    body = {"email": address, **MESSAGE}
    assert (
        await client.post("/send-notification", json=body, headers=admin.headers)
    ).status_code == 202
    await inbox_with(client, alice, 2)  # the note is in the inbox all the same
    await asyncio.sleep(0.5)
    notifications = [m for m in outbox_mail.to(address) if "Verify" not in m.subject]
    assert len(notifications) == 1  # still just the welcome e-mail

    on = await client.patch("/me", json={"email_notifications": True}, headers=alice.headers)
    assert on.json()["email_notifications"] is True
    assert_problem(
        await client.patch("/me", json={"email_notifications": "maybe"}, headers=alice.headers), 422
    )


async def test_the_one_click_link_of_an_email_unsubscribes_its_recipient(
    client: AsyncClient, alice: Account, outbox_mail: MemoryEmailSender
) -> None:
    (welcome,) = await mails_to(outbox_mail, alice.user["email"], subject=WELCOME)
    link = dict(welcome.headers)["List-Unsubscribe"].strip("<>")
    path, query = urlsplit(link).path, urlsplit(link).query
    token = parse_qs(query)["token"][0]

    page = await client.get(path, params={"token": token})
    assert page.status_code == 200
    assert 'method="post"' in page.text
    assert (await client.get("/me", headers=alice.headers)).json()["email_notifications"] is True

    clicked = await client.post(
        path, params={"token": token}, data={"List-Unsubscribe": "One-Click"}
    )
    assert clicked.status_code == 200, clicked.text
    assert (await client.get("/me", headers=alice.headers)).json()["email_notifications"] is False

    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert_problem(await client.post(path, params={"token": forged}), 400)
    assert_problem(await client.post(path, params={"token": "junk"}), 400)
    assert_problem(await client.post(path), 422)


async def notes_by_admin(client: AsyncClient, author: Account, admin: Account, count: int) -> None:
    """``count`` notifications on their way to ``author``: an admin deletes that many posts."""
    for n in range(count):
        post = await create_post(client, author.headers, title=f"Post {n}")
        await client.delete(f"/posts/{post['id']}", headers=admin.headers)


async def test_the_inbox_pages_by_cursor_as_by_skip(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    await notes_by_admin(client, alice, admin, 4)
    everything = [item["id"] for item in (await inbox_with(client, alice, 5))["items"]]

    by_cursor: list[str] = []
    page = await inbox(client, alice, limit=2)
    while True:
        by_cursor += [item["id"] for item in page["items"]]
        if page["next_cursor"] is None:
            break
        page = await inbox(client, alice, limit=2, cursor=page["next_cursor"])

    assert by_cursor == everything
    assert len(everything) == 5
    assert page["total"] == 5
    second = await inbox(client, alice, limit=2, skip=2)
    assert second["next_cursor"] is not None  # a skip page hands out a cursor too


async def test_a_foreign_or_altered_inbox_cursor_is_a_422(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    await notes_by_admin(client, bob, admin, 2)
    await inbox_with(client, bob, 3)
    cursor = (await inbox(client, bob, limit=1))["next_cursor"]
    assert cursor is not None

    for offered in (cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB"), "abc"):
        response = await client.get(
            "/me/notifications", params={"cursor": offered}, headers=bob.headers
        )
        assert_problem(response, 422)
    theirs = await client.get("/me/notifications", params={"cursor": cursor}, headers=alice.headers)
    assert_problem(theirs, 422)
    page = await inbox(client, alice, skip=1, limit=1)
    assert (page["skip"], page["limit"], page["next_cursor"]) == (1, 1, None)
