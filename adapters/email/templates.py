"""E-mail wording from Jinja2 templates in ``templates/``: ``<name>.subject.txt``,
``<name>.txt`` and ``<name>.html``. HTML is autoescaped; plain text is not (it is not HTML)."""

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from application.ports.email import EmailTemplates, RenderedEmail

TEMPLATES = Path(__file__).parent / "templates"


class JinjaEmailTemplates(EmailTemplates):
    def __init__(self, site_name: str, base_url: str, folder: Path = TEMPLATES) -> None:
        self._environment = Environment(
            loader=FileSystemLoader(folder),
            autoescape=select_autoescape(enabled_extensions=("html",), default=False),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
        )
        self._environment.globals.update(site_name=site_name, base_url=base_url.rstrip("/"))

    def render(self, template: str, **context: object) -> RenderedEmail:
        def part(suffix: str) -> str:
            return self._environment.get_template(f"{template}.{suffix}").render(**context)

        subject = " ".join(part("subject.txt").split())  # one line, whatever the template says
        return RenderedEmail(subject=subject, text=part("txt"), html=part("html"))
