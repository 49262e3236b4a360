"""E-mail through a real SMTP server (aiosmtpd on loopback), sent by the app's outbox relay:
the welcome e-mail's parts and unsubscribe headers, and retries while the server is down."""

import asyncio
from collections.abc import Iterator

import pytest
from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import bearer, register
from tests.smtp_server import SmtpServer, smtp_server


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def smtp_container(server: SmtpServer) -> Container:
    return make_container(
        email_backend="smtp",
        smtp_host="127.0.0.1",
        smtp_port=server.port,
        smtp_security="none",
        smtp_timeout=5,
        email_from="Folio <folio@example.com>",
        base_url="https://folio.example.com",
        site_name="Folio Test",
        outbox_poll_seconds=0.1,
        outbox_backoff_seconds=0.1,
        outbox_backoff_max_seconds=0.4,
    )


WELCOME = "Welcome to"  # an account also gets a verification e-mail (docs/accounts.md)


async def wait_for_mail(server: SmtpServer, address: str, count: int = 1) -> list[object]:
    """The welcome e-mails to ``address``, once there are ``count``."""
    return await asyncio.to_thread(server.mailbox.wait_for, address, count, 15, WELCOME)


async def test_the_welcome_email_has_both_parts_and_one_click_unsubscribe(
    smtp: SmtpServer,
) -> None:
    app = create_app(smtp_container(smtp))
    async with serve(app) as client:
        user = await register(client, name="Ada")
        (message,) = await wait_for_mail(smtp, user["email"])

        assert message["From"] == "Folio <folio@example.com>"  # type: ignore[index]
        assert message["Subject"] == f"Welcome to Folio Test, {user['username']}"  # type: ignore[index]
        assert message.get_content_type() == "multipart/alternative"  # type: ignore[attr-defined]
        parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}  # type: ignore[attr-defined]
        assert set(parts) == {"text/plain", "text/html"}
        assert "https://folio.example.com" in parts["text/plain"]
        assert '<a href="https://folio.example.com">' in parts["text/html"]
        link = message["List-Unsubscribe"]  # type: ignore[index]
        assert link.startswith("<https://folio.example.com/unsubscribe?token=")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"  # type: ignore[index]

        await one_click(client, link.strip("<>").removeprefix("https://folio.example.com"))
        headers = await bearer(client, user["email"])
        assert (await client.get("/me", headers=headers)).json()["email_notifications"] is False


async def one_click(client: AsyncClient, path: str) -> None:
    response = await client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200, response.text


async def test_while_the_server_is_down_the_relay_retries_then_delivers_once() -> None:
    with smtp_server(running=False) as server:
        container = smtp_container(server)
        async with serve(create_app(container)) as client:
            user = await register(client)
            outbox = container.notifications.outbox()

            async def failed_attempts() -> int:
                entries = await outbox.entries(dead=False, limit=10)
                return max((entry.attempts for entry in entries), default=0)

            for _ in range(200):
                if await failed_attempts() >= 2:
                    break
                await asyncio.sleep(0.05)
            assert await failed_attempts() >= 2
            (entry,) = await outbox.entries(dead=False, limit=10)
            assert "email.welcome" in (entry.last_error or "")

            server.start()
            messages = await wait_for_mail(server, user["email"])
            await asyncio.sleep(0.5)

            assert len(messages) == 1
            assert len(server.mailbox.to(user["email"], WELCOME)) == 1
            assert await outbox.entries(dead=False, limit=10) == []
