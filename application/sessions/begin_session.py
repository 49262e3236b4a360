from application.errors import UserNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import ClientInfo, SessionIssuer, TokenPair
from domain.ids import UserId
from domain.sessions.session import AuthMethod


class BeginSession:
    """Begin a session for a user who has just proved who they are some other way than LogIn
    (registering with their password, say): their tokens, as a login would give them."""

    def __init__(self, uow: UnitOfWork, sessions: SessionIssuer, clock: Clock) -> None:
        self._uow = uow
        self._sessions = sessions
        self._clock = clock

    async def __call__(
        self, user_id: UserId, client: ClientInfo, method: AuthMethod = AuthMethod.PASSWORD
    ) -> TokenPair:
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None or not user.is_active:
                raise UserNotFound()
            pair = self._sessions.begin(uow, user, method, client, self._clock.now())
            await uow.commit()
        return pair
