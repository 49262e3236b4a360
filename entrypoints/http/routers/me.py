from typing import Annotated

from dependency_injector.wiring import inject
from fastapi import APIRouter, Depends, Response, status

from application.users.change_password import ChangePassword, ChangePasswordCommand
from application.users.get_user import GetUser
from application.users.update_profile import UpdateProfile, UpdateProfileCommand
from entrypoints.container import Container
from entrypoints.http.dependencies import CurrentActor
from entrypoints.http.injection import Inject
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.users import ChangePasswordIn, UpdateProfileIn, UserOut

router = APIRouter(prefix="/me", tags=["me"])


@router.get("", response_model=UserOut, responses=problem_responses(401))
@inject
async def read_me(
    actor: CurrentActor,
    fetch: Annotated[GetUser, Depends(Inject[Container.get_user])],
) -> UserOut:
    return UserOut.model_validate(await fetch(actor.id, actor))


@router.patch("", response_model=UserOut, responses=problem_responses(400, 401, 422))
@inject
async def update_me(
    body: UpdateProfileIn,
    actor: CurrentActor,
    update: Annotated[UpdateProfile, Depends(Inject[Container.update_profile])],
) -> UserOut:
    command = UpdateProfileCommand(**body.model_dump(exclude_unset=True))
    return UserOut.model_validate(await update(actor, command))


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(400, 401, 422),
)
@inject
async def change_my_password(
    body: ChangePasswordIn,
    actor: CurrentActor,
    change: Annotated[ChangePassword, Depends(Inject[Container.change_password])],
) -> None:
    """A wrong current password is a 401, like a failed login."""
    await change(actor, ChangePasswordCommand(**body.model_dump()))
