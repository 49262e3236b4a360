from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from application.users.change_email import ChangeEmail, ChangeEmailCommand
from application.users.change_password import ChangePassword, ChangePasswordCommand
from application.users.delete_account import DeleteAccount, DeleteAccountCommand
from application.users.get_user import GetUser
from application.users.update_profile import UpdateProfile, UpdateProfileCommand
from entrypoints.container import Container
from entrypoints.http.caching import if_match, represent
from entrypoints.http.dependencies import CurrentActor
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.users import (
    ChangeEmailIn,
    ChangePasswordIn,
    DeleteAccountIn,
    UpdateProfileIn,
    UserOut,
)

router = APIRouter(prefix="/me", tags=["me"], route_class=MediaTypeCheckedRoute)


@router.get("", response_model=UserOut, responses=problem_responses(401))
async def read_me(
    request: Request,
    actor: CurrentActor,
    fetch: Annotated[GetUser, Depends(Inject[Container.get_user])],
) -> Response:
    """Private: never stored by a cache; its ETag serves If-None-Match and If-Match."""
    view = await fetch(actor.id, actor)
    return represent(request, UserOut.model_validate(view), version=view.version)


@router.patch("", response_model=UserOut, responses=problem_responses(400, 401, 409, 412, 422))
async def update_me(
    request: Request,
    body: UpdateProfileIn,
    actor: CurrentActor,
    versions: Annotated[frozenset[int] | None, Depends(if_match)],
    update: Annotated[UpdateProfile, Depends(Inject[Container.update_profile])],
) -> Response:
    """A field left out stays as it is; null clears `age`, `bio` or `image`. With If-Match,
    only if the profile is still as read (412 and no change otherwise)."""
    command = UpdateProfileCommand(**body.changes(), expected_versions=versions)
    view = await update(actor, command)
    return represent(request, UserOut.model_validate(view), version=view.version)


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(400, 401, 422),
)
async def change_my_password(
    body: ChangePasswordIn,
    actor: CurrentActor,
    change: Annotated[ChangePassword, Depends(Inject[Container.change_password])],
) -> None:
    """A wrong current password is a 401, like a failed login."""
    await change(actor, ChangePasswordCommand(**body.model_dump()))


@router.delete(
    "",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 422),
)
async def delete_me(
    body: DeleteAccountIn,
    actor: CurrentActor,
    delete: Annotated[DeleteAccount, Depends(Inject[Container.delete_account])],
) -> None:
    """Delete your account, with `{"password": ...}` in the body (a wrong one is a 401, like a
    failed login). Every session ends; follows, favourites and notifications go; posts and
    comments go too, or stay under a "deleted user" placeholder with
    `FOLIO_DELETED_USER_CONTENT=keep`. Nothing of the account stays readable."""
    await delete(actor, DeleteAccountCommand(password=body.password))


@router.post("/email", response_model=UserOut, responses=problem_responses(401, 409, 422))
async def change_my_email(
    body: ChangeEmailIn,
    actor: CurrentActor,
    change: Annotated[ChangeEmail, Depends(Inject[Container.change_email])],
) -> UserOut:
    """Move the account to another address, with the current password (a wrong one is a 401;
    an address another account has is a 409). The old address is told. By default the move is
    made at once and the new address is unverified until its verification link is followed;
    with `FOLIO_REQUIRE_VERIFIED_EMAIL=true` the account keeps its address until the new one
    is confirmed at `POST /verify-email` (the answer still shows the current address)."""
    return UserOut.model_validate(await change(actor, ChangeEmailCommand(**body.model_dump())))
