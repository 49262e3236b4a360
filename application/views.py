"""How the views read most often are declared: read-only to the type checker, plain at run time.

A ``@dataclass(frozen=True)`` sets each field in ``__init__`` through ``object.__setattr__``:
about 29,000 instructions for a post view and its author, against 5,700 for a plain slotted
dataclass (valgrind), i.e. 5-9% of a request for a page of 20 posts. ``read_only_view`` makes
a plain slotted dataclass that mypy treats as frozen (``dataclass_transform``), so assigning
to a field of a view is still a type error in ``make typecheck``; at run time it is not
checked, and such a view has no ``__hash__``."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def read_only_view(cls: type[T]) -> type[T]:
    """A slotted dataclass of ``cls``, read-only to the type checker."""
    made: Callable[[type[T]], type[T]] = dataclass(slots=True)
    return made(cls)
