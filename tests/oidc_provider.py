"""A real OpenID Connect provider for the social-login suites: the npm package oidc-provider
(tests/oidc/, pinned by its package-lock.json) under the machine's Node.js, on 127.0.0.1.
Its development interactions are driven with plain form posts, as a browser would send them.
Where Node.js or npm is missing, the suites are skipped (in CI: failed) saying so."""

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.servers import missing
from tests.smtp_server import free_port

PACKAGE = Path(__file__).parent / "oidc"
CLIENT_ID = "folio"
CLIENT_SECRET = "folio-test-client-secret-0123456789"
START_SECONDS = 30


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET


def installed() -> None:
    """oidc-provider in tests/oidc/node_modules, installed from the lock file if need be
    (`npm ci`; .ci/run does it before the suites)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing("OpenID Connect suite skipped: Node.js and npm are not installed")
    if (PACKAGE / "node_modules" / "oidc-provider").is_dir():
        return
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=PACKAGE,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        missing(
            f"OpenID Connect suite skipped: `npm ci` in tests/oidc failed: {done.stderr[-500:]}"
        )


@contextmanager
def running_provider(redirect_uri: str, accounts: dict[str, dict[str, Any]]) -> Iterator[Provider]:
    """The provider on a free port, knowing one client (``redirect_uri``) and ``accounts``
    (login -> claims), until the block ends."""
    installed()
    port = free_port()
    config = {
        "port": port,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": redirect_uri,
        "accounts": accounts,
    }
    process = subprocess.Popen(  # noqa: S603
        [shutil.which("node") or "node", "provider.mjs"],
        cwd=PACKAGE,
        env={**os.environ, "OIDC_TEST_CONFIG": json.dumps(config)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        issuer = f"http://127.0.0.1:{port}"
        _wait_until_up(process, issuer)
        yield Provider(issuer)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process: "subprocess.Popen[str]", issuer: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oidc-provider exited with status {process.returncode}")
        try:
            if httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=1).is_success:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"oidc-provider did not answer within {START_SECONDS} s")


async def sign_in_and_consent(
    client: httpx.AsyncClient, page: httpx.Response, login: str
) -> httpx.Response:
    """From the page the provider showed, as a person would: sign in as ``login`` (any
    password does in the development interactions) if asked, consent if asked; answers the
    last response of the redirects that follow (the relying party's callback). A provider
    that remembers the person and their consent asks nothing: ``page`` is then the answer."""
    if 'name="prompt" value="login"' in page.text:
        page = await client.post(
            str(page.url), data={"prompt": "login", "login": login, "password": "anything"}
        )
    if 'name="prompt" value="consent"' in page.text:
        page = await client.post(str(page.url), data={"prompt": "consent"})
    return page
