from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response, status

from application.users.deactivate_user import DeactivateUser
from application.users.get_user import GetUser
from application.users.list_users import ListUsers
from application.users.register_user import RegisterUser, RegisterUserCommand
from domain.ids import UserId
from entrypoints.container import Container
from entrypoints.http.caching import NOT_MODIFIED, represent
from entrypoints.http.dependencies import CurrentActor, OptionalActor, PageParams
from entrypoints.http.injection import Inject
from entrypoints.http.media_types import MediaTypeCheckedRoute
from entrypoints.http.schemas.common import problem_responses
from entrypoints.http.schemas.users import RegisterUserIn, UserOut, UserPage

router = APIRouter(prefix="/users", tags=["users"], route_class=MediaTypeCheckedRoute)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses=problem_responses(400, 409, 422),
)
async def register_user(
    body: RegisterUserIn,
    request: Request,
    response: Response,
    register: Annotated[RegisterUser, Depends(Inject[Container.register_user])],
) -> UserOut:
    view = await register(RegisterUserCommand(**body.model_dump()))
    response.headers["Location"] = request.app.url_path_for("get_user", user_id=str(view.id))
    return UserOut.model_validate(view)


@router.get(
    "", response_model=UserPage, responses={304: NOT_MODIFIED, **problem_responses(401, 422)}
)
async def list_users(
    request: Request,
    page: PageParams,
    viewer: OptionalActor,
    list_page: Annotated[ListUsers, Depends(Inject[Container.list_users])],
) -> Response:
    """Active users, oldest first; admins also see deactivated users and every e-mail."""
    found = await list_page(page, viewer)
    return represent(request, UserPage.of(found), public=viewer is None)


@router.get(
    "/{user_id}",
    response_model=UserOut,
    responses={304: NOT_MODIFIED, **problem_responses(401, 404, 422)},
)
async def get_user(
    request: Request,
    user_id: UUID,
    viewer: OptionalActor,
    fetch: Annotated[GetUser, Depends(Inject[Container.get_user])],
) -> Response:
    """Public to anonymous callers; what a signed-in caller sees may hold private fields."""
    view = await fetch(UserId(user_id), viewer)
    model = UserOut.model_validate(view)
    return represent(request, model, version=view.version, public=viewer is None)


@router.post(
    "/{user_id}/deactivate",
    response_model=UserOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def deactivate_user(
    user_id: UUID,
    actor: CurrentActor,
    deactivate: Annotated[DeactivateUser, Depends(Inject[Container.deactivate_user])],
) -> UserOut:
    """Admins only: the user's tokens stop working and they can no longer log in."""
    return UserOut.model_validate(await deactivate(actor, UserId(user_id)))
