import pytest
from pydantic import ValidationError

from adapters.sqlalchemy.readiness import revision_problem
from tests.settings import make_settings


@pytest.mark.parametrize(
    "url",
    [
        "sqlite+aiosqlite:///./folio.db",
        "sqlite+aiosqlite://",
        "postgresql+asyncpg://folio:pw@db.example:5432/folio",
    ],
)
def test_async_drivers_are_accepted(url: str) -> None:
    assert make_settings(database_url=url).database_url == url


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        pytest.param("postgresql://folio:s3cret@db/folio", "has no driver", id="no-driver"),
        pytest.param("sqlite:///folio.db", "has no driver", id="sqlite-no-driver"),
        pytest.param("postgresql+psycopg2://folio:s3cret@db/f", "the driver 'psycopg2'", id="sync"),
        pytest.param("mysql+aiomysql://folio:s3cret@db/f", "unsupported database", id="mysql"),
        pytest.param("folio.db", "is not a database URL", id="not-a-url"),
    ],
)
def test_other_urls_are_refused_in_one_line(url: str, complaint: str) -> None:
    with pytest.raises(ValidationError) as raised:
        make_settings(database_url=url)

    message = raised.value.errors()[0]["msg"]
    assert complaint in message
    assert "postgresql+asyncpg://" in message
    assert "s3cret" not in message
    assert "\n" not in message


def test_revision_problems_name_the_upgrade_command() -> None:
    assert revision_problem("0002", "0002") is None
    assert revision_problem(None, "0002") == (
        "the database is not migrated; run `folio db upgrade`"
    )
    assert revision_problem("0001", "0002") == (
        "the database is at revision 0001, not the latest 0002; run `folio db upgrade`"
    )
