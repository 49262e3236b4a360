"""Registration, login and the current user."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from application.auth.authenticate import Authenticate
from application.auth.log_in import LogIn, LogInCommand
from application.errors import AuthenticationFailed
from application.sessions.begin_session import BeginSession
from application.sessions.tokens import ClientInfo, TotpChallenge
from application.users.get_user import GetUser
from application.users.register_user import RegisterUser, RegisterUserCommand
from application.users.update_profile import UpdateProfile, UpdateProfileCommand
from domain.users.values import Username
from entrypoints.container import Container
from entrypoints.http.client_address import client_address_of
from entrypoints.http.injection import Inject
from entrypoints.realworld.auth import CurrentCaller
from entrypoints.realworld.schemas.errors import (
    LOGIN_REFUSED,
    TAKEN,
    error_responses,
)
from entrypoints.realworld.schemas.users import (
    LoginIn,
    NewUserIn,
    UpdateUserIn,
    UserEnvelope,
    UserOut,
)

router = APIRouter(tags=["User and Authentication"])


@router.post(
    "/users",
    status_code=status.HTTP_201_CREATED,
    response_model=UserEnvelope,
    responses=error_responses(422, descriptions={422: TAKEN}),
)
async def register(
    body: NewUserIn,
    request: Request,
    register_user: Annotated[RegisterUser, Depends(Inject[Container.register_user])],
    begin_session: Annotated[BeginSession, Depends(Inject[Container.sessions.begin_session])],
) -> UserEnvelope:
    """The username is also the display name, which RealWorld does not have."""
    new = body.user
    Username(new.username)  # its rules, reported as the username's, before the name's
    command = RegisterUserCommand(
        email=new.email, name=new.username, password=new.password, username=new.username
    )
    view = await register_user(command)
    pair = await begin_session(view.id, _client(request))
    return UserEnvelope(user=UserOut.of(view, pair.access.token))


@router.post(
    "/users/login",
    response_model=UserEnvelope,
    responses=error_responses(401, 422, descriptions={401: LOGIN_REFUSED}),
)
async def log_in(
    body: LoginIn,
    request: Request,
    log_in_user: Annotated[LogIn, Depends(Inject[Container.log_in])],
    authenticate: Annotated[Authenticate, Depends(Inject[Container.authenticate])],
    get_user: Annotated[GetUser, Depends(Inject[Container.get_user])],
) -> UserEnvelope:
    command = LogInCommand(body.user.email, body.user.password, _client(request))
    answer = await log_in_user(command)
    if isinstance(answer, TotpChallenge):  # RealWorld has no second step: no way around it
        raise AuthenticationFailed("two-factor login is on: log in at POST /token")
    token = answer.access.token
    actor = await authenticate(token)
    return UserEnvelope(user=UserOut.of(await get_user(actor.id, actor), token))


@router.get("/user", response_model=UserEnvelope, responses=error_responses(401))
async def current_user(
    caller: CurrentCaller,
    get_user: Annotated[GetUser, Depends(Inject[Container.get_user])],
) -> UserEnvelope:
    view = await get_user(caller.actor.id, caller.actor)
    return UserEnvelope(user=UserOut.of(view, caller.token))


@router.put(
    "/user",
    response_model=UserEnvelope,
    responses=error_responses(401, 422, descriptions={422: TAKEN}),
)
async def update_user(
    body: UpdateUserIn,
    caller: CurrentCaller,
    update: Annotated[UpdateProfile, Depends(Inject[Container.update_profile])],
) -> UserEnvelope:
    """All or nothing: a taken e-mail or username changes nothing else either."""
    changes = body.user
    command = UpdateProfileCommand(
        email=changes.email,
        username=changes.username,
        new_password=changes.password or None,
        bio=changes.bio,
        image=changes.image,
    )
    return UserEnvelope(user=UserOut.of(await update(caller.actor, command), caller.token))


def _client(request: Request) -> ClientInfo:
    """Where the request comes from, for the user's session list."""
    address = client_address_of(request.scope)
    return ClientInfo(address=address, user_agent=request.headers.get("user-agent"))
