"""/docs and /redoc work offline: the pages name no URL outside the server, and every asset
they load is served by Folio itself."""

import re

import pytest
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve

ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']|url:\s*["']([^"']+)["']""")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_use_only_local_assets(page: str) -> None:
    async with serve(create_app(make_container())) as client:
        html = (await client.get(page)).text
        assets = [a or b for a, b in ASSET.findall(html)]
        fetched = {asset: (await client.get(asset)).status_code for asset in assets}

    assert "http://" not in html
    assert "https://" not in html
    assert "//" not in html.replace("<!--", "").split("<script>")[0].replace("://", "")
    assert assets, html
    assert all(asset.startswith("/") for asset in assets), assets
    assert set(fetched.values()) == {200}, fetched


async def test_swagger_ui_is_told_not_to_call_the_online_validator(client: AsyncClient) -> None:
    html = (await client.get("/docs")).text

    assert '"validatorUrl": null' in html


@pytest.mark.parametrize("page", ["/docs", "/redoc", "/docs/oauth2-redirect"])
async def test_docs_pages_may_load_nothing_from_elsewhere(client: AsyncClient, page: str) -> None:
    policy = (await client.get(page)).headers["content-security-policy"]

    assert "default-src 'self'" in policy
    assert "http" not in policy


async def test_the_redoc_bundle_fetches_no_logo_from_a_cdn(client: AsyncClient) -> None:
    bundle = await client.get("/docs-assets/redoc.standalone.js")

    assert bundle.status_code == 200
    assert "cdn.redoc.ly" not in bundle.text
    assert "Redoc" in bundle.text
