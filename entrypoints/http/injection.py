"""How routes ask for a use case: ``Annotated[UseCase, Depends(Inject[Container.x])]``.

``Inject[Container.x]`` is an awaited FastAPI dependency that calls the provider ``x`` of the
container of the app serving the request (``app.state.container``; a mounted sub-application
has its own). No ``@inject`` and no wiring: FastAPI awaits it on the loop like any async
dependency, and an app made with another container (a test's) gets its own use cases. ADR 025
(superseding 007) says why and what it measured."""

from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers
from starlette.requests import HTTPConnection

if TYPE_CHECKING:
    from dependency_injector.wiring import Provide

    Inject = Provide  # for the type checker: Inject[Container.x] is typed as the library's
else:

    class Inject:
        """The marker: where in the container the provider lives, found once by identity in
        the declarative container it was taken from (nested containers included)."""

        __slots__ = ("_path", "_provider")

        def __init__(self, provider: providers.Provider[Any]) -> None:
            self._provider = provider
            self._path: tuple[str, ...] | None = None

        def __class_getitem__(cls, provider: providers.Provider[Any]) -> "Inject":
            return cls(provider)

        def __repr__(self) -> str:
            return f"Inject[{'.'.join(self._path or ('?',))}]"

        async def __call__(self, connection: HTTPConnection) -> Any:
            container = connection.app.state.container
            path = self._path or self._find(container)
            node = container
            for name in path:
                node = getattr(node, name)
            return node()

        def _find(self, container: containers.Container) -> tuple[str, ...]:
            root = getattr(container, "declarative_parent", None) or type(container)
            found = _path_to(self._provider, root.providers)
            if found is None:
                raise LookupError(f"{self._provider!r} is no provider of {root.__name__}")
            self._path = found
            return found


def _path_to(wanted: object, providers_by_name: dict[str, Any]) -> tuple[str, ...] | None:
    """The attribute names leading from a container to ``wanted``, or None."""
    for name, provider in providers_by_name.items():
        if provider is wanted:
            return (name,)
        if isinstance(provider, providers.Container):
            below = _path_to(wanted, provider.container.providers)
            if below is not None:
                return (name, *below)
    return None
