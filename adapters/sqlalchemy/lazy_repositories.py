"""The SQL unit of work's repositories, each made on first use in a block: a block that only
reads views (a list, a post, a profile) builds no repository and opens no ORM session."""

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, overload

R = TypeVar("R")


class Lazy(Generic[R]):
    """A class attribute of a unit of work: the repository ``make`` builds for the instance
    the first time it is read in a block, then kept in the instance until ``forget``."""

    def __init__(self, make: Callable[[Any], R]) -> None:
        self._make = make
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...
    @overload
    def __get__(self, instance: object, owner: type) -> R: ...
    def __get__(self, instance: object | None, owner: type) -> "R | Self":
        if instance is None:
            return self
        made = self._make(instance)
        vars(instance)[self.name] = made  # found there, not here, from now on
        return made


def made(instance: object) -> list[Any]:
    """The repositories made so far, in the order their class declares them."""
    found = vars(instance)
    return [found[name] for name in _names(type(instance)) if name in found]


def forget(instance: object) -> None:
    """Let the next read of each repository make a new one."""
    found = vars(instance)
    for name in _names(type(instance)):
        found.pop(name, None)


# A class's Lazy attributes are set when it is made: read once, not on every block.
_NAMES: dict[type, tuple[str, ...]] = {}


def _names(owner: type) -> tuple[str, ...]:
    found = _NAMES.get(owner)
    if found is None:
        found = tuple(name for name, value in vars(owner).items() if isinstance(value, Lazy))
        _NAMES[owner] = found
    return found
