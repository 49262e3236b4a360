from dataclasses import dataclass
from datetime import datetime

from domain.ids import SessionId
from domain.sessions.device import describe_device
from domain.sessions.session import Session


@dataclass(frozen=True, slots=True)
class SessionView:
    """A session as its owner sees it in their list."""

    id: SessionId
    device: str
    client_address: str | None
    auth_method: str
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    current: bool

    @classmethod
    def of(cls, session: Session, current: SessionId | None) -> "SessionView":
        return cls(
            id=session.id,
            device=describe_device(session.user_agent),
            client_address=session.client_address,
            auth_method=session.auth_method.value,
            created_at=session.created_at,
            last_used_at=session.last_used_at,
            expires_at=session.refresh_expires_at,
            current=session.id == current,
        )
