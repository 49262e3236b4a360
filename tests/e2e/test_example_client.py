"""examples/client.py runs against a real server and does what it says."""

import runpy
from pathlib import Path

import pytest

from tests.processes import folio_serve

EXAMPLE = Path(__file__).parents[2] / "examples" / "client.py"


def test_the_example_client_registers_logs_in_writes_and_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with folio_serve(tmp_path, FOLIO_STORAGE="memory") as server:
        namespace = runpy.run_path(str(EXAMPLE))
        namespace["main"](server.url)

    printed = capsys.readouterr().out
    assert "registered reader-" in printed
    assert "wrote hello-from-the-example-client at /posts/" in printed
    assert "1 published posts tagged 'examples':" in printed
    assert "Hello from the example client" in printed
