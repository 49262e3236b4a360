from typing import Annotated

from dependency_injector.wiring import inject
from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm

from application.auth.log_in import LogIn, LogInCommand
from entrypoints.container import Container
from entrypoints.http.injection import Inject
from entrypoints.http.schemas.auth import TokenOut
from entrypoints.http.schemas.common import problem_responses

router = APIRouter(tags=["auth"])


@router.post("/token", response_model=TokenOut, responses=problem_responses(400, 401, 422))
@inject
async def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    log_in: Annotated[LogIn, Depends(Inject[Container.log_in])],
) -> TokenOut:
    """OAuth2 password flow; ``username`` takes the e-mail or the username."""
    token = await log_in(LogInCommand(login=form.username, password=form.password))
    return TokenOut(
        access_token=token.token, token_type=token.token_type, expires_in=token.expires_in
    )
