"""Each CLI test runs in its own directory, on its own SQLite file, with a clean environment."""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from entrypoints.cli.main import app
from tests.settings import TEST_SECRET

FAST_ARGON2 = {
    "FOLIO_ARGON2_TIME_COST": "1",
    "FOLIO_ARGON2_MEMORY_COST": "8",
    "FOLIO_ARGON2_PARALLELISM": "1",
}


@dataclass
class Folio:
    """The ``folio`` command, run in-process the way a shell would run it."""

    runner: CliRunner
    database: Path
    monkeypatch: pytest.MonkeyPatch

    @property
    def database_url(self) -> str:
        return f"sqlite+aiosqlite:///{self.database}"

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(app, list(args), input=input)

    def setenv(self, **values: str) -> None:
        for name, value in values.items():
            self.monkeypatch.setenv(name, value)


@pytest.fixture
def folio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folio:
    monkeypatch.chdir(tmp_path)  # no .env, .folio-secret or folio.db of the checkout
    # `folio serve --workers N` names a metrics directory in the environment: undone after.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")
    for name in list(os.environ):
        if name.startswith("FOLIO_") and not name.startswith("FOLIO_TEST_"):
            monkeypatch.delenv(name)
    command = Folio(CliRunner(), tmp_path / "folio.db", monkeypatch)
    command.setenv(
        FOLIO_ENV="development",
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=command.database_url,
        FOLIO_JWT_SECRET=TEST_SECRET,
        **FAST_ARGON2,
    )
    return command


@pytest.fixture
def migrated(folio: Folio) -> Folio:
    result = folio("db", "upgrade")
    assert result.exit_code == 0, result.output
    return folio
