from abc import ABC, abstractmethod

from domain.users.identities import IdentityKey, LinkedIdentity


class IdentityRepository(ABC):
    """External identities linked to accounts (``uow.identities``)."""

    @abstractmethod
    async def get(self, key: IdentityKey) -> LinkedIdentity | None:
        """The link of ``key``, if its account still exists."""

    @abstractmethod
    def add(self, link: LinkedIdentity) -> None:
        """Stage a new link; written on commit, where a link of the same key that committed
        meanwhile raises IdentityAlreadyLinked."""
