"""Social login with the OpenID Connect provider of FOLIO_OIDC_ISSUER (docs/accounts.md)."""

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import RedirectResponse

from application.auth.begin_provider_login import BeginProviderLogin
from application.auth.log_in_with_provider import LogInWithProvider, ProviderCallback
from application.errors import ExternalLoginFailed
from application.sessions.tokens import ClientInfo, TotpChallenge
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.provider_login_cookie import ProviderLoginCookie, StartedLogin
from entrypoints.http.routers.auth import Browser, answer_pair, client_info
from entrypoints.http.schemas.auth import CookieSessionOut, TokenOut, TotpChallengeOut
from entrypoints.http.schemas.common import problem_responses
from entrypoints.settings import Settings

router = APIRouter(prefix="/auth/oidc", tags=["auth"], route_class=MediaTypeCheckedRoute)
LoginCookie = Annotated[ProviderLoginCookie, Depends(Inject[Container.oidc.cookie])]
MAX_PARAM_LEN = 2048


@router.get(
    "/login",
    status_code=302,
    response_class=RedirectResponse,
    responses={
        302: {"description": "to the provider's authorization page"},
        **problem_responses(401, 404, 422),
    },
)
async def begin_provider_login(
    begin: Annotated[BeginProviderLogin, Depends(Inject[Container.oidc.begin_login])],
    login_cookie: LoginCookie,
    cookie: Annotated[
        bool, Query(description="false: the callback answers the tokens in its body")
    ] = True,
) -> RedirectResponse:
    """Send the browser to the provider to log in. The state, nonce and PKCE verifier ride
    in a signed, HttpOnly cookie for ten minutes. By default the callback puts the session in
    the same cookies as ``POST /token`` with ``cookie=true``; ``cookie=false`` makes it
    answer the tokens as JSON instead (for clients that drive the browser themselves). 404
    when no provider is configured."""
    start = await begin()
    response = RedirectResponse(start.url, status_code=302)
    login_cookie.set(response, StartedLogin(start.pending, cookie))
    return response


@router.get(
    "/callback",
    response_model=TokenOut | CookieSessionOut | TotpChallengeOut,
    responses={
        303: {"description": "to FOLIO_OIDC_FRONTEND_URL, the session in cookies"},
        **problem_responses(400, 401, 404, 409, 422),
    },
)
async def provider_callback(
    request: Request,
    response: Response,
    client: Annotated[ClientInfo, Depends(client_info)],
    log_in: Annotated[LogInWithProvider, Depends(Inject[Container.oidc.log_in])],
    login_cookie: LoginCookie,
    browser: Browser,
    settings: Annotated[Settings, Depends(Inject[Container.settings])],
    code: Annotated[str | None, Query(max_length=MAX_PARAM_LEN)] = None,
    state: Annotated[str | None, Query(max_length=MAX_PARAM_LEN)] = None,
    error: Annotated[str | None, Query(max_length=MAX_PARAM_LEN)] = None,
) -> TokenOut | CookieSessionOut | TotpChallengeOut | Response:
    """Where the provider sends the browser back. Checks the state against the login cookie,
    the ID token (signature, issuer, audience, expiry, nonce), then logs in the linked
    account, links the account with the same verified e-mail (only if both sides verified
    it: else 409), or creates one. Answers like ``POST /token``: the session in cookies (and
    a 303 to FOLIO_OIDC_FRONTEND_URL when set), the tokens as JSON for ``cookie=false``, or a
    two-factor challenge."""
    started = login_cookie.read(request)
    login_cookie.clear(response)
    if error is not None:
        raise ExternalLoginFailed(f"the provider answered {error[:100]!r}")
    if code is None or state is None:
        raise ExternalLoginFailed("the provider sent no code and state")
    answer = await log_in(ProviderCallback(started.pending, state, code, client))
    frontend = settings.oidc_frontend_url
    if isinstance(answer, TotpChallenge):
        if started.cookie_session and frontend:
            fragment = f"#totp_challenge={quote(answer.challenge)}"
            return _redirect(response, frontend + fragment)
        return TotpChallengeOut(challenge=answer.challenge, expires_in=answer.expires_in)
    body = answer_pair(answer, started.cookie_session, response, browser)
    if started.cookie_session and frontend:
        return _redirect(response, frontend)
    return body


def _redirect(answered: Response, location: str) -> RedirectResponse:
    """A 303 that keeps the cookies ``answered`` set (the session's, the cleared login's)."""
    redirect = RedirectResponse(location, status_code=303)
    for name, value in answered.raw_headers:
        if name == b"set-cookie":
            redirect.raw_headers.append((name, value))
    return redirect
