from application.errors import InvalidToken
from application.ports.clock import Clock
from application.ports.security import TokenService
from application.ports.unit_of_work import UnitOfWork
from domain.roles import Actor


class Authenticate:
    """The actor behind an access token: the single place a token becomes an Actor.

    The token's session and user are read together in one lookup (one query on SQL), so a
    token whose session has ended (logout, password change, refresh-token reuse...) or
    expired, or whose user is deleted or deactivated, is refused (InvalidToken) on the next
    request on every worker and host, at no extra round trip. The role is read from storage,
    not trusted from the token."""

    def __init__(self, uow: UnitOfWork, tokens: TokenService, clock: Clock) -> None:
        self._uow = uow
        self._tokens = tokens
        self._clock = clock

    async def __call__(self, token: str) -> Actor:
        claims = self._tokens.read(token)
        async with self._uow as uow:
            caller = await uow.sessions.caller(claims.session_id)
        if (
            caller is None
            or caller.user.id != claims.user_id
            or not caller.user.is_active
            or not caller.session.is_live(self._clock.now())
        ):
            raise InvalidToken()
        return Actor(
            caller.user.id,
            caller.user.role,
            session_id=caller.session.id,
            email_verified=caller.user.email_verified,
        )
