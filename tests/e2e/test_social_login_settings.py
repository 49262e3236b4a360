"""Social login's settings, and the routes when no provider is configured."""

import pytest
from httpx import AsyncClient
from pydantic import ValidationError

from tests.e2e.helpers import assert_problem
from tests.settings import make_settings


async def test_without_a_provider_social_login_is_not_found(client: AsyncClient):
    problem = assert_problem(await client.get("/auth/oidc/login"), 404)

    assert "FOLIO_OIDC_ISSUER" in problem["detail"]


def test_the_callback_url_defaults_to_the_base_url():
    settings = make_settings(base_url="https://blog.example.com/")

    assert settings.oidc_callback_url == "https://blog.example.com/auth/oidc/callback"
    given = make_settings(oidc_redirect_url="https://api.example.com/auth/oidc/callback")
    assert given.oidc_callback_url == "https://api.example.com/auth/oidc/callback"


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        pytest.param(
            {"oidc_issuer": "https://id.example.com"}, "needs FOLIO_OIDC_CLIENT_ID", id="no-client"
        ),
        pytest.param(
            {
                "env": "production",
                "jwt_secret": "p8W!z3r#Q9m@L2v$K7x^N4b&J6c*H1d(G5f)T0s",
                "oidc_issuer": "http://id.example.com",
                "oidc_client_id": "folio",
                "oidc_client_secret": "s3cret",
            },
            "https:// URL in production",
            id="plain-http-in-production",
        ),
        pytest.param({"oidc_scopes": "email profile"}, "oidc_scopes", id="scopes-without-openid"),
    ],
)
def test_incomplete_or_unsafe_provider_settings_are_refused(
    settings: dict[str, str], complaint: str
):
    with pytest.raises(ValidationError, match=complaint):
        make_settings(**settings)
