from abc import abstractmethod
from typing import Protocol

from domain.ids import UserId


class AuditTrail(Protocol):
    """Security events (log-ins, limits met, password and account changes) as structured
    records; the adapter adds the request id and client address of the request at hand.
    Never given an e-mail address, password, token or hash."""

    @abstractmethod
    def record(self, action: str, *, user_id: UserId | None = None, outcome: str = "ok") -> None:
        """Record ``action`` (``login``, ``password.change``...) and its ``outcome``."""
