"""The documentation pages in a real, headless Chromium (Debian's, never a downloaded one):
/docs logs in through Authorize and runs "Try it out" on GET /me to a 200; /redoc lists the
operations; neither page makes a request outside the server."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.e2e.helpers import PASSWORD, user_body
from tests.processes import Server, folio_serve
from tests.servers import missing

CHROMIUM = os.environ.get("FOLIO_TEST_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def chromium() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        missing(f"browser suite skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("browser suite skipped: Playwright for Python is not installed")
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with folio_serve(tmp_path, FOLIO_STORAGE="memory") as running:
        yield running


@pytest.fixture
def browser(chromium: str) -> Iterator[tuple[object, list[str]]]:
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    profile = tempfile.mkdtemp(prefix="folio-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=chromium,
                headless=True,
                args=FLAGS,  # the fresh profile directory goes in as --user-data-dir
            )
            context.on("request", lambda request: requested.append(request.url))
            try:
                yield context, requested
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def outside(server: Server, urls: list[str]) -> list[str]:
    origin = urlsplit(server.url).netloc
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != origin
    ]


def test_swagger_ui_logs_in_and_tries_get_me(
    server: Server, browser: tuple[object, list[str]]
) -> None:
    context, requested = browser
    body = user_body(name="Browser User")
    assert httpx.post(f"{server.url}/users", json=body, timeout=10).status_code == 201
    page = context.new_page()  # type: ignore[attr-defined]
    page.set_default_timeout(WAIT_MS)

    page.goto(f"{server.url}/docs")
    page.locator(".swagger-ui .info .title").filter(has_text="Folio").wait_for()
    page.locator("button.authorize").first.click()
    page.locator("#oauth_username").fill(body["email"])
    page.locator("#oauth_password").fill(PASSWORD)
    page.locator(".auth-btn-wrapper button.authorize").first.click()
    page.locator(".auth-btn-wrapper button.btn-done").first.click()

    operation = page.locator("#operations-me-read_me_me_get")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table .response .response-col_status")
    status.first.wait_for()

    assert status.first.inner_text().strip() == "200"
    assert "Browser User" in operation.locator(".live-responses-table").inner_text()
    assert any(url.endswith("/token") for url in requested)
    assert outside(server, requested) == []


def test_redoc_lists_the_operations(server: Server, browser: tuple[object, list[str]]) -> None:
    context, requested = browser
    page = context.new_page()  # type: ignore[attr-defined]
    page.set_default_timeout(WAIT_MS)

    page.goto(f"{server.url}/redoc")
    page.locator("h2", has_text="Read Me").first.wait_for()
    text = page.locator("body").inner_text()

    for operation in ("Issue Token", "Register User", "List Posts", "Create Post", "Readyz"):
        assert operation in text
    assert outside(server, requested) == []
