"""E-mail verification over HTTP on memory, SQLite and PostgreSQL: a new account gets a
token by e-mail, POST /verify-email proves the address once, a resend sends another, and with
FOLIO_REQUIRE_VERIFIED_EMAIL=true an unverified account may log in but neither publish nor
comment, on the native API and on RealWorld's."""

from pathlib import Path

import pytest
from httpx import AsyncClient

from entrypoints.container import Container
from tests.e2e.accounts import accounts_container, mailbox, token_in_mail
from tests.e2e.conftest import BACKENDS, Account
from tests.e2e.helpers import assert_problem, create_post, post_body


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    return accounts_container(request.param, tmp_path, require_verified_email=True)


async def _verify(client: AsyncClient, container: Container, account: Account) -> None:
    token = await token_in_mail(mailbox(container), account.user["email"], "verify")
    response = await client.post("/verify-email", json={"token": token})
    assert response.status_code == 200, response.text
    assert response.json()["email_verified"] is True


async def test_a_new_account_verifies_its_address_once(
    client: AsyncClient, container: Container, alice: Account
):
    assert (await client.get("/me", headers=alice.headers)).json()["email_verified"] is False
    token = await token_in_mail(mailbox(container), alice.user["email"], "verify")

    verified = await client.post("/verify-email", json={"token": token})

    assert verified.status_code == 200, verified.text
    assert (await client.get("/me", headers=alice.headers)).json()["email_verified"] is True
    again = assert_problem(await client.post("/verify-email", json={"token": token}), 400)
    assert again["type"].endswith("account-token-refused")


async def test_others_do_not_see_whether_an_address_is_verified(
    client: AsyncClient, alice: Account, bob: Account
):
    seen = await client.get(f"/users/{alice.id}", headers=bob.headers)

    assert "email_verified" not in seen.json()


async def test_a_resend_sends_a_new_token(
    client: AsyncClient, container: Container, alice: Account
):
    email = alice.user["email"]
    await token_in_mail(mailbox(container), email, "verify")

    resent = await client.post("/verify-email/resend", headers=alice.headers)

    assert resent.status_code == 202, resent.text
    second = await token_in_mail(mailbox(container), email, "verify", 2)
    assert (await client.post("/verify-email", json={"token": second})).status_code == 200
    assert_problem(await client.post("/verify-email/resend", headers=alice.headers), 409)


async def test_a_resend_needs_a_login(client: AsyncClient):
    assert_problem(await client.post("/verify-email/resend"), 401)


async def test_an_unverified_account_logs_in_but_may_not_publish_or_comment(
    client: AsyncClient, container: Container, alice: Account, bob: Account
):
    refused = assert_problem(
        await client.post("/posts", json=post_body(), headers=alice.headers), 403
    )
    assert refused["type"].endswith("email-not-verified")
    assert "verify your e-mail address" in refused["detail"]
    draft = await create_post(client, alice.headers, published=False)
    assert_problem(
        await client.patch(
            f"/posts/{draft['id']}", json={"published": True}, headers=alice.headers
        ),
        403,
    )
    await _verify(client, container, bob)
    post = await create_post(client, bob.headers)
    comment = await client.post(
        f"/posts/{post['id']}/comments", json={"body": "First!"}, headers=alice.headers
    )
    assert assert_problem(comment, 403)["type"].endswith("email-not-verified")

    await _verify(client, container, alice)
    published = await client.post("/posts", json=post_body(), headers=alice.headers)
    assert published.status_code == 201, published.text


async def test_realworld_refuses_an_unverified_author_with_a_reason(
    client: AsyncClient, container: Container, alice: Account
):
    token = alice.headers["Authorization"].removeprefix("Bearer ")
    article = {
        "article": {
            "title": "Hello",
            "description": "d",
            "body": "A body long enough.",
            "tagList": [],
        }
    }

    refused = await client.post(
        "/api/articles", json=article, headers={"Authorization": f"Token {token}"}
    )

    assert refused.status_code == 403, refused.text
    assert "verify your e-mail address" in refused.json()["errors"]["email"][0]
    await _verify(client, container, alice)
    created = await client.post(
        "/api/articles", json=article, headers={"Authorization": f"Token {token}"}
    )
    assert created.status_code == 201, created.text
