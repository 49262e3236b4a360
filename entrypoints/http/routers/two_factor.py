from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response, status

from application.sessions.complete_totp_login import (
    CompleteTotpLogin,
    CompleteTotpLoginCommand,
)
from application.sessions.confirm_totp import ConfirmTotp
from application.sessions.disable_totp import DisableTotp
from application.sessions.enrol_totp import EnrolTotp
from application.sessions.tokens import ClientInfo
from entrypoints.container import Container
from entrypoints.http.dependencies import CurrentActor
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.routers.auth import Browser, answer_pair, client_info
from entrypoints.http.schemas.auth import (
    CodeIn,
    CookieSessionOut,
    RecoveryCodesOut,
    TokenOut,
    TotpEnrolmentOut,
)
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(tags=["two-factor"], route_class=MediaTypeCheckedRoute)


@router.post(
    "/token/totp",
    response_model=TokenOut | CookieSessionOut,
    responses=problem_responses(400, 401, 403, 422),
)
async def complete_totp_login(
    challenge: Annotated[str, Form(min_length=1, max_length=2048)],
    code: Annotated[str, Form(min_length=1, max_length=64)],
    client: Annotated[ClientInfo, Depends(client_info)],
    request: Request,
    response: Response,
    complete: Annotated[CompleteTotpLogin, Depends(Inject[Container.sessions.complete_totp_login])],
    browser: Browser,
    cookie: Annotated[bool, Form(description="true: the session in cookies (browsers)")] = False,
) -> TokenOut | CookieSessionOut:
    """The second step of a two-factor login: the ``challenge`` POST /token answered and a
    current one-time code (or an unused recovery code) begin the session."""
    if cookie:
        browser.check_origin(request)
    pair = await complete(CompleteTotpLoginCommand(challenge, code, client))
    return answer_pair(pair, cookie, response, browser)


@router.post(
    "/me/totp",
    status_code=status.HTTP_201_CREATED,
    response_model=TotpEnrolmentOut,
    responses=problem_responses(401, 403, 409),
)
async def enrol_totp(
    actor: CurrentActor,
    enrol: Annotated[EnrolTotp, Depends(Inject[Container.sessions.enrol_totp])],
) -> TotpEnrolmentOut:
    """Begin two-factor login: add the secret (or the otpauth:// URI, as a QR code) to an
    authenticator app, then confirm with a first code."""
    enrolment = await enrol(actor)
    return TotpEnrolmentOut(secret=enrolment.secret, otpauth_uri=enrolment.otpauth_uri)


@router.post(
    "/me/totp/confirm",
    response_model=RecoveryCodesOut,
    responses=problem_responses(400, 401, 403, 409, 422),
)
async def confirm_totp(
    body: CodeIn,
    actor: CurrentActor,
    confirm: Annotated[ConfirmTotp, Depends(Inject[Container.sessions.confirm_totp])],
) -> RecoveryCodesOut:
    """Turn two-factor login on with a first code; answers the recovery codes, shown once."""
    return RecoveryCodesOut(recovery_codes=await confirm(actor, body.code))


@router.post(
    "/me/totp/disable",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(400, 401, 403, 409, 422),
)
async def disable_totp(
    body: CodeIn,
    actor: CurrentActor,
    disable: Annotated[DisableTotp, Depends(Inject[Container.sessions.disable_totp])],
) -> None:
    """Turn two-factor login off with a current one-time code or an unused recovery code."""
    await disable(actor, body.code)
