from application.errors import InvalidToken
from application.ports.security import TokenService
from application.ports.unit_of_work import UnitOfWork
from domain.roles import Actor


class Authenticate:
    """The actor behind an access token. A token of a deleted or deactivated user is refused
    (InvalidToken), and the role is read from storage, not trusted from the token."""

    def __init__(self, uow: UnitOfWork, tokens: TokenService) -> None:
        self._uow = uow
        self._tokens = tokens

    async def __call__(self, token: str) -> Actor:
        user_id = self._tokens.read(token)
        async with self._uow as uow:
            user = await uow.users.get(user_id)
        if user is None or not user.is_active:
            raise InvalidToken()
        return user.actor
