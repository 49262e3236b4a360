from typing import ClassVar

from application.ports.unit_of_work import UnitOfWork


class ListTags:
    """The tags of published posts, most used first (ties by name), at most LIMIT of them."""

    LIMIT: ClassVar[int] = 100

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self) -> list[str]:
        async with self._uow as uow:
            return await uow.read.tags(self.LIMIT)
