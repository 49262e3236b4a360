from typing import Annotated

from fastapi import APIRouter, Body, Depends, Form, Request, Response
from fastapi.security import OAuth2PasswordRequestForm

from application.auth.log_in import LogIn, LogInCommand
from application.errors import InvalidRefreshToken
from application.sessions.refresh_session import RefreshSession
from application.sessions.tokens import ClientInfo, TokenPair, TotpChallenge
from entrypoints.container import Container
from entrypoints.http.browser import BrowserSessions
from entrypoints.http.client_address import client_address_of
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.auth import (
    CookieSessionOut,
    RefreshIn,
    TokenOut,
    TotpChallengeOut,
)
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(tags=["auth"], route_class=MediaTypeCheckedRoute)
Browser = Annotated[BrowserSessions, Depends(Inject[Container.sessions.browser])]


async def client_info(request: Request) -> ClientInfo:
    """Where the request comes from, for the session list."""
    address = client_address_of(request.scope)
    return ClientInfo(address=address, user_agent=request.headers.get("user-agent"))


def answer_pair(
    pair: TokenPair, cookie: bool, response: Response, browser: BrowserSessions
) -> TokenOut | CookieSessionOut:
    """The pair in the body, or (``cookie``) in cookies with the CSRF token in the body."""
    if not cookie:
        return TokenOut.of(pair)
    return CookieSessionOut.of(pair, browser.set_cookies(response, pair))


@router.post(
    "/token",
    response_model=TokenOut | CookieSessionOut | TotpChallengeOut,
    responses=problem_responses(400, 401, 403, 422),
)
async def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    client: Annotated[ClientInfo, Depends(client_info)],
    request: Request,
    response: Response,
    log_in: Annotated[LogIn, Depends(Inject[Container.log_in])],
    browser: Browser,
    cookie: Annotated[bool, Form(description="true: the session in cookies (browsers)")] = False,
) -> TokenOut | CookieSessionOut | TotpChallengeOut:
    """OAuth2 password flow; ``username`` takes the e-mail or the username. Begins a session:
    answers an access token and a refresh token, or with ``cookie=true`` sets them in
    ``__Host-`` cookies and answers the CSRF token to send as ``X-CSRF-Token``. With
    two-factor login on, answers a challenge to complete at POST /token/totp instead."""
    if cookie:
        browser.check_origin(request)
    command = LogInCommand(login=form.username, password=form.password, client=client)
    answer = await log_in(command)
    if isinstance(answer, TotpChallenge):
        return TotpChallengeOut(challenge=answer.challenge, expires_in=answer.expires_in)
    return answer_pair(answer, cookie, response, browser)


@router.post(
    "/token/refresh",
    response_model=TokenOut | CookieSessionOut,
    responses=problem_responses(400, 401, 403, 422),
)
async def refresh_token(
    request: Request,
    response: Response,
    refresh: Annotated[RefreshSession, Depends(Inject[Container.sessions.refresh_session])],
    browser: Browser,
    body: Annotated[RefreshIn | None, Body()] = None,
) -> TokenOut | CookieSessionOut:
    """Exchange the refresh token for a new pair; the old refresh token stops working, and
    presenting it again ends the whole session. Browsers send no body: the refresh token
    comes from its cookie, with the CSRF token in ``X-CSRF-Token``."""
    if body is not None:
        return TokenOut.of(await refresh(body.refresh_token))
    token = request.cookies.get(browser.refresh_cookie)
    if token is None:
        raise InvalidRefreshToken()
    browser.check_origin(request)
    session_id = browser.csrf_session(request.headers.get("x-csrf-token"))
    browser.check_csrf(request, session_id)
    return answer_pair(await refresh(token, session_id=session_id), True, response, browser)
