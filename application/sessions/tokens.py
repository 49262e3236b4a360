"""What starting or refreshing a session hands the client, and the one place that makes it."""

from dataclasses import dataclass
from datetime import datetime

from application.ports.clock import Clock, IdGenerator
from application.ports.security import AccessToken, OpaqueTokens, TokenService
from application.ports.unit_of_work import UnitOfWork
from domain.ids import SessionId, UserId
from domain.sessions.session import AuthMethod, Session, SessionLifetimes
from domain.users.user import User


@dataclass(frozen=True, slots=True)
class ClientInfo:
    """Where a login comes from, as the session list shows it."""

    address: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True, slots=True)
class TokenPair:
    """An access token and the refresh token that renews it, for one session."""

    access: AccessToken
    refresh_token: str
    refresh_expires_in: int
    session_id: SessionId


@dataclass(frozen=True, slots=True)
class TotpChallenge:
    """A password checked for a user with two-factor login on: complete it with a code."""

    challenge: str
    expires_in: int


class SessionIssuer:
    """Begins and rotates sessions inside the caller's unit of work (the caller commits), and
    hands out the challenges of two-factor logins."""

    def __init__(
        self,
        tokens: TokenService,
        opaque: OpaqueTokens,
        ids: IdGenerator,
        clock: Clock,
        lifetimes: SessionLifetimes,
    ) -> None:
        self._tokens = tokens
        self._opaque = opaque
        self._ids = ids
        self._clock = clock
        self.lifetimes = lifetimes

    def now(self) -> datetime:
        return self._clock.now()

    def challenge(self, user_id: UserId) -> TotpChallenge:
        token = self._tokens.issue_challenge(user_id)
        return TotpChallenge(token.token, token.expires_in)

    def read_challenge(self, challenge: str) -> UserId:
        return self._tokens.read_challenge(challenge)

    def digest(self, refresh_token: str) -> str:
        return self._opaque.digest(refresh_token)

    def begin(
        self, uow: UnitOfWork, user: User, method: AuthMethod, client: ClientInfo, now: datetime
    ) -> TokenPair:
        refresh_token = self._opaque.new()
        session = Session.begin(
            id=SessionId(self._ids.new_id()),
            user_id=user.id,
            refresh_hash=self._opaque.digest(refresh_token),
            auth_method=method,
            lifetimes=self.lifetimes,
            now=now,
            client_address=client.address,
            user_agent=client.user_agent,
        )
        uow.sessions.add(session)
        return self._pair(session, refresh_token, now)

    def rotate(self, uow: UnitOfWork, session: Session, now: datetime) -> TokenPair:
        refresh_token = self._opaque.new()
        retired = session.rotate(self._opaque.digest(refresh_token), self.lifetimes, now)
        uow.sessions.retire_refresh_hash(retired, session.id)
        return self._pair(session, refresh_token, now)

    def _pair(self, session: Session, refresh_token: str, now: datetime) -> TokenPair:
        return TokenPair(
            access=self._tokens.issue(session.user_id, session.id),
            refresh_token=refresh_token,
            refresh_expires_in=int((session.refresh_expires_at - now).total_seconds()),
            session_id=session.id,
        )
