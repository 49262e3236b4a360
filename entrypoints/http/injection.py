"""The marker routes use to ask the container for a use case.

It is dependency-injector's ``Provide`` with an ``async`` call. FastAPI runs a dependency whose
call is synchronous, as the stock marker's is, in its thread pool: one thread hop per injected
use case on every request, which under load competes for the interpreter with the event loop
(measured in docs/benchmarks.md). Awaited on the loop, the marker costs nothing; ``@inject``
recognises it as a ``Provide`` all the same."""

from typing import TYPE_CHECKING, Self

from dependency_injector.wiring import Provide

if TYPE_CHECKING:
    Inject = Provide
else:

    class Inject(Provide):
        async def __call__(self) -> Self:
            return self
