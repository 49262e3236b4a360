"""Events to JSON and back, for the outbox table. Every DomainEvent subclass is known by its
``name``; fields may be str, int, bool, UUID (or a NewType of it), datetime, or None."""

import dataclasses
import importlib
import json
import sys
import types
import typing
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.events import DomainEvent

# Imported so that their events are known before any stored event is read back.
EVENT_MODULES = (
    "domain.users.events",
    "domain.posts.events",
    "domain.notifications.events",
)


class UnknownEvent(ValueError):
    """A stored event whose name or fields this release does not know."""


def encode(event: DomainEvent) -> str:
    values = {field.name: _plain(getattr(event, field.name)) for field in dataclasses.fields(event)}
    return json.dumps(values, sort_keys=True)


def decode(name: str, payload: str) -> DomainEvent:
    kind = known_events().get(name)
    if kind is None:
        raise UnknownEvent(f"unknown event {name!r}")
    hints = typing.get_type_hints(kind)
    try:
        values = json.loads(payload)
        return kind(**{key: _typed(hints[key], value) for key, value in values.items()})
    except (KeyError, TypeError, ValueError) as error:
        raise UnknownEvent(f"event {name!r} cannot be read: {error}") from error


def known_events() -> dict[str, type[DomainEvent]]:
    for module in EVENT_MODULES:
        importlib.import_module(module)
    found: dict[str, type[DomainEvent]] = {}
    pending = list(DomainEvent.__subclasses__())
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        # slots=True dataclasses replace their class: only the one the module names counts.
        if getattr(sys.modules.get(kind.__module__), kind.__qualname__, None) is kind:
            found[kind.name] = kind
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = getattr(hint, "__supertype__", hint)  # a NewType
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        options = [h for h in typing.get_args(hint) if h is not type(None)]
        return _typed(options[0], value) if len(options) == 1 else value
    if hint is UUID:
        return UUID(value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    return value
