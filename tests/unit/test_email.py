"""E-mail pieces: templates (autoescaped HTML, plain text), signed unsubscribe links, the
one-click headers every message carries, and the MIME message the SMTP sender builds."""

import uuid
from dataclasses import replace

import pytest

from adapters.email.senders import MemoryEmailSender
from adapters.email.smtp import mime_of
from adapters.email.templates import JinjaEmailTemplates
from adapters.security.unsubscribe_links import HmacUnsubscribeLinks
from application.errors import InvalidUnsubscribeLink
from application.notifications.mailer import Mailer
from application.ports.email import EmailMessage

SECRET = "unit-test-secret-0123456789-abcdefghijklmnop"
TEMPLATES = JinjaEmailTemplates(site_name="Folio & Co", base_url="https://folio.example/")
LINKS = HmacUnsubscribeLinks(SECRET, "https://folio.example/")


def test_html_is_escaped_and_plain_text_is_not() -> None:
    rendered = TEMPLATES.render(
        "notification", username="ada", kind="x", message="<b>bold</b> & co", unsubscribe_url=""
    )

    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in rendered.html
    assert "<b>bold</b> & co" in rendered.text
    assert "Folio &amp; Co" in rendered.html
    assert rendered.subject.startswith("Folio & Co: <b>bold</b>")
    assert "\n" not in rendered.subject


def test_a_subject_is_one_line_whatever_the_context() -> None:
    rendered = TEMPLATES.render("message", subject="a\r\nBcc: x", message="m", unsubscribe_url="")
    assert rendered.subject == "a Bcc: x"


def test_links_name_their_address_and_refuse_tampering() -> None:
    link = LINKS.link_for("Ada@Example.com")
    token = link.split("token=")[1]

    assert link.startswith("https://folio.example/unsubscribe?token=")
    assert LINKS.email_of(token) == "ada@example.com"
    other = HmacUnsubscribeLinks("another-secret-0123456789-abcdefghijklmnop", "https://x")
    for forged in (other.token_for("ada@example.com"), token.upper(), "", "a.b", "..", "%%%.%%"):
        with pytest.raises(InvalidUnsubscribeLink):
            LINKS.email_of(forged)


async def test_every_message_carries_the_one_click_headers() -> None:
    sender = MemoryEmailSender()
    await Mailer(sender, TEMPLATES, LINKS).send("ada@example.com", "welcome", username="ada")

    (message,) = sender.sent
    headers = dict(message.headers)
    assert headers["List-Unsubscribe"] == f"<{LINKS.link_for('ada@example.com')}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert LINKS.link_for("ada@example.com") in message.text


def test_messages_refuse_line_breaks_in_headers() -> None:
    with pytest.raises(ValueError, match="line breaks"):
        EmailMessage(to="a@b.io\r\nBcc: c@d.io", subject="s", text="t", html="h")
    with pytest.raises(ValueError, match="line breaks"):
        EmailMessage(to="a@b.io", subject="s", text="t", html="h", headers=(("X", "a\nb"),))


def test_the_mime_message_is_multipart_alternative_text_then_html() -> None:
    message = EmailMessage(
        to="ada@example.com",
        subject="Hello",
        text="plain",
        html="<p>html</p>",
        headers=(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),),
    )
    mime = mime_of(message, "Folio <folio@example.com>")

    assert mime.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in mime.iter_parts()] == ["text/plain", "text/html"]
    assert (mime["To"], mime["Subject"]) == ("ada@example.com", "Hello")
    assert mime["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mime["Message-ID"].endswith("@example.com>")


def test_an_email_sent_again_under_its_key_keeps_its_message_id() -> None:
    key = uuid.uuid4()
    keyed = EmailMessage(to="ada@example.com", subject="s", text="t", html="h", key=key)
    sender = "Folio <folio@example.com>"

    first, again = mime_of(keyed, sender), mime_of(keyed, sender)
    other = mime_of(replace(keyed, key=uuid.uuid4()), sender)
    unkeyed = [mime_of(replace(keyed, key=None), sender)["Message-ID"] for _ in range(2)]

    assert first["Message-ID"] == again["Message-ID"] == f"<{key.hex}@example.com>"
    assert other["Message-ID"] != first["Message-ID"]
    assert unkeyed[0] != unkeyed[1]
