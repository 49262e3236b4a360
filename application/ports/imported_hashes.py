from abc import abstractmethod
from typing import Protocol


class ImportedHashes(Protocol):
    """Which password hashes made by another system Folio can verify at login."""

    @abstractmethod
    def problem_with(self, password_hash: str) -> str | None:
        """Why ``password_hash`` cannot be imported (a short reason), or None when logins
        can verify it."""
