import pytest

from tests.unit.harness import Folio


@pytest.fixture
def folio() -> Folio:
    return Folio()
