"""Account recovery and verification: password reset, e-mail verification."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from application.accounts.confirm_password_reset import (
    ConfirmPasswordReset,
    ConfirmPasswordResetCommand,
)
from application.accounts.request_password_reset import RequestPasswordReset
from application.accounts.resend_verification import ResendVerification
from application.accounts.verify_email import VerifyEmail
from entrypoints.container import Container
from entrypoints.http.dependencies import CurrentActor
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.accounts import (
    RESET_ACCEPTED,
    AcceptedOut,
    PasswordResetConfirmIn,
    PasswordResetIn,
    VerifyEmailIn,
)
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.users import UserOut

router = APIRouter(tags=["accounts"], route_class=MediaTypeCheckedRoute)
VERIFICATION_SENT = "A new verification link is on its way to your address."


@router.post(
    "/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=AcceptedOut,
    responses=problem_responses(422),
)
async def request_password_reset(
    body: PasswordResetIn,
    request_reset: Annotated[
        RequestPasswordReset, Depends(Inject[Container.accounts.request_password_reset])
    ],
) -> AcceptedOut:
    """Always 202 with the same body, in about the same time, whether or not an account has
    the address: an account that does gets an e-mail with a single-use token (30 minutes)."""
    await request_reset(str(body.email))
    return AcceptedOut(detail=RESET_ACCEPTED)


@router.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(400, 422),
)
async def confirm_password_reset(
    body: PasswordResetConfirmIn,
    confirm: Annotated[
        ConfirmPasswordReset, Depends(Inject[Container.accounts.confirm_password_reset])
    ],
) -> None:
    """Set the new password and end every session of the account. A used, expired or
    unknown token is a 400 problem (`account-token-refused`)."""
    await confirm(ConfirmPasswordResetCommand(token=body.token, new_password=body.new_password))


@router.post("/verify-email", response_model=UserOut, responses=problem_responses(400, 409, 422))
async def verify_email(
    body: VerifyEmailIn,
    verify: Annotated[VerifyEmail, Depends(Inject[Container.accounts.verify_email])],
) -> UserOut:
    """Prove the address a verification e-mail went to (no login needed: the token is the
    proof). A token of an address change moves the account to it (409 if another account
    took it meanwhile). A used, expired or unknown token is a 400 problem."""
    return UserOut.model_validate(await verify(body.token))


@router.post(
    "/verify-email/resend",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=AcceptedOut,
    responses=problem_responses(401, 409),
)
async def resend_verification(
    actor: CurrentActor,
    resend: Annotated[ResendVerification, Depends(Inject[Container.accounts.resend_verification])],
) -> AcceptedOut:
    """A new verification e-mail to the caller's address; 409 if it is already verified."""
    await resend(actor)
    return AcceptedOut(detail=VERIFICATION_SENT)
