"""The files a newcomer meets first say what is true: .env.example lists every setting with
its real default, LICENSE matches pyproject.toml, pre-commit runs CI's lint targets."""

import os
import re
import tomllib
from pathlib import Path

import pytest

from entrypoints.settings import Settings

ROOT = Path(__file__).parents[2]


def test_env_example_lists_every_setting() -> None:
    text = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#? ?FOLIO_([A-Z0-9_]+)=", text, re.MULTILINE))

    assert listed == {name.upper() for name in Settings.model_fields}


def test_env_example_defaults_are_the_real_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("FOLIO_")]:
        monkeypatch.delenv(name)

    from_example = Settings(_env_file=ROOT / ".env.example")  # type: ignore[call-arg]
    built_in = Settings(_env_file=None)  # type: ignore[call-arg]

    assert from_example.model_dump() == built_in.model_dump()


def test_licence_matches_pyproject() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]

    assert declared == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")


def test_pre_commit_runs_the_lint_targets_of_ci() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    makefile = (ROOT / "Makefile").read_text()

    for command in ("ruff check", "ruff format --check", "mypy", "lint-imports"):
        assert command in config
        assert command in makefile
