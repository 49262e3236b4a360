"""AuthlibIdentityProvider against a real OpenID Connect provider (oidc-provider on
loopback): what it sends, and what it refuses."""

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from adapters.oidc.authlib_provider import AuthlibIdentityProvider, OidcClientSettings
from application.errors import ExternalLoginFailed
from application.ports.identity_provider import ExternalIdentity, PendingLogin
from tests.oidc_provider import Provider, running_provider, sign_in_and_consent

CALLBACK = "http://relying-party.test/callback"
ACCOUNTS = {"ada": {"email": "ada@example.com", "email_verified": True, "name": "Ada"}}


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider(CALLBACK, ACCOUNTS) as running:
        yield running


def adapter(provider: Provider, **overrides: str) -> AuthlibIdentityProvider:
    values = {
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "redirect_uri": CALLBACK,
        **overrides,
    }
    return AuthlibIdentityProvider(OidcClientSettings(**values))


async def code_for(url: str) -> tuple[str, str]:
    """Play the browser from the authorization URL to the callback: its code and state."""

    def relying_party(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=dict(request.url.params))

    mounts = {"http://relying-party.test": httpx.MockTransport(relying_party)}
    async with httpx.AsyncClient(mounts=mounts, follow_redirects=True, timeout=30) as browser:
        page = await browser.get(url)
        answer = (await sign_in_and_consent(browser, page, "ada")).json()
    return answer["code"], answer["state"]


async def test_the_authorization_url_asks_for_a_code_with_pkce_state_and_nonce(
    provider: Provider,
):
    start = await adapter(provider).start()

    query = {k: v[0] for k, v in parse_qs(urlsplit(start.url).query).items()}
    assert start.url.startswith(f"{provider.issuer}/auth?")
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256"
    assert query["code_challenge"] not in ("", start.pending.code_verifier)
    assert (query["state"], query["nonce"]) == (start.pending.state, start.pending.nonce)
    assert (query["client_id"], query["redirect_uri"]) == (provider.client_id, CALLBACK)
    assert set(query["scope"].split()) == {"openid", "email", "profile"}
    assert len({start.pending.state, start.pending.nonce, start.pending.code_verifier}) == 3


async def test_a_code_becomes_the_verified_identity(provider: Provider):
    oidc = adapter(provider)
    start = await oidc.start()
    code, state = await code_for(start.url)

    identity = await oidc.identity(start.pending, code)

    assert state == start.pending.state
    assert identity == ExternalIdentity(
        issuer=provider.issuer,
        subject="ada",
        email="ada@example.com",
        email_verified=True,
        name="Ada",
    )
    with pytest.raises(ExternalLoginFailed):  # a code is good once
        await oidc.identity(start.pending, code)


async def test_an_id_token_with_another_nonce_is_refused(
    provider: Provider, caplog: pytest.LogCaptureFixture
):
    oidc = adapter(provider)
    start = await oidc.start()
    code, _ = await code_for(start.url)

    with pytest.raises(ExternalLoginFailed):
        await oidc.identity(
            PendingLogin(start.pending.state, "another-nonce", start.pending.code_verifier), code
        )


async def test_a_code_exchanged_without_its_pkce_verifier_is_refused(
    provider: Provider, caplog: pytest.LogCaptureFixture
):
    oidc = adapter(provider)
    start = await oidc.start()
    code, _ = await code_for(start.url)
    wrong_verifier = PendingLogin(start.pending.state, start.pending.nonce, "x" * 64)

    with pytest.raises(ExternalLoginFailed):
        await oidc.identity(wrong_verifier, code)

    assert "invalid_grant" in caplog.text  # the provider checked the verifier


async def test_a_discovery_document_naming_another_issuer_is_refused(provider: Provider):
    same_server_other_name = provider.issuer.replace("127.0.0.1", "localhost")

    with pytest.raises(ExternalLoginFailed, match="another issuer"):
        await adapter(provider, issuer=same_server_other_name).start()


async def test_an_unreachable_provider_is_a_failed_login(provider: Provider):
    with pytest.raises(ExternalLoginFailed, match="out of reach"):
        await adapter(provider, issuer="http://127.0.0.1:9").start()
