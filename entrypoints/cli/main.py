"""The ``folio`` console script (declared in pyproject.toml)."""

import typer

from entrypoints.cli import (
    db,
    demo,
    keys,
    outbox,
    users,
    users_admin,  # noqa: F401 - adds its commands to users.app
)
from entrypoints.cli.serve import serve
from entrypoints.cli.worker import worker

app = typer.Typer(
    name="folio",
    help="Folio, a blogging-platform backend.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.command()(serve)
app.add_typer(db.app, name="db")
app.add_typer(users.app, name="users")  # with the commands of users_admin
app.command()(worker)
app.add_typer(outbox.app, name="outbox")
app.add_typer(keys.app, name="keys")
app.add_typer(demo.app, name="demo")

if __name__ == "__main__":
    app()
