"""Compose an e-mail from a template and send it, with RFC 8058 one-click unsubscribe headers."""

from uuid import UUID

from application.ports.email import EmailMessage, EmailSender, EmailTemplates, UnsubscribeLinks

ONE_CLICK = "List-Unsubscribe=One-Click"


class Mailer:
    """Every message it sends carries ``List-Unsubscribe`` (a signed link for the recipient)
    and ``List-Unsubscribe-Post``, and the link in its footer."""

    def __init__(
        self, sender: EmailSender, templates: EmailTemplates, links: UnsubscribeLinks
    ) -> None:
        self._sender = sender
        self._templates = templates
        self._links = links

    async def send(
        self, to: str, template: str, *, key: UUID | None = None, **context: object
    ) -> None:
        """Render ``template`` for ``to`` and send it; ``key`` is the e-mail's stable identity
        (see ``EmailMessage``): handlers derive it from the event and their name."""
        unsubscribe_url = self._links.link_for(to)
        rendered = self._templates.render(template, unsubscribe_url=unsubscribe_url, **context)
        await self._sender.send(
            EmailMessage(
                to=to,
                subject=rendered.subject,
                text=rendered.text,
                html=rendered.html,
                headers=(
                    ("List-Unsubscribe", f"<{unsubscribe_url}>"),
                    ("List-Unsubscribe-Post", ONE_CLICK),
                ),
                key=key,
            )
        )

    async def send_account_email(
        self, to: str, template: str, *, key: UUID | None = None, **context: object
    ) -> None:
        """An e-mail the user's own action calls for (a reset or verification link, a notice
        of an account change): sent whatever their preference, with no unsubscribe link;
        ``key`` as for ``send``."""
        rendered = self._templates.render(template, unsubscribe_url=None, **context)
        await self._sender.send(
            EmailMessage(
                to=to, subject=rendered.subject, text=rendered.text, html=rendered.html, key=key
            )
        )
