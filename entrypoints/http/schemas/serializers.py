"""JSON straight from the use cases' views, in the shape of a response model, without making the
model first.

``PostPage.of(page)`` validates every view into a model (reading each attribute, checking
each type) only for the serialiser to read it all again: on a page of 20 posts, half the cost
of writing the body. ``view_serializer`` derives, from the response model's own core schema, a
serialiser that reads the view dataclasses' attributes directly: the same fields in the same
order, the same per-field serialisation (``exclude_if`` included), hence the same bytes (tested
against the model's). The response model stays declared on the route, so the OpenAPI document
does not change.

A model field with a validator that changes its value (a ``hidden`` made None when false) has
no serialisation of its own: ``exclude_if`` names what replaces it, and any other such field is
refused when the serialiser is built, never written differently."""

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel
from pydantic_core import CoreSchema, SchemaSerializer, core_schema


def view_serializer(
    model: type[BaseModel],
    views: Mapping[type[BaseModel], type],
    exclude_if: Mapping[str, Callable[[Any], bool]] | None = None,
) -> SchemaSerializer:
    """A serialiser writing an instance of ``views[model]`` as ``model`` would be written.

    ``views`` maps ``model`` and every model nested in it to the dataclass standing for it
    (whose attributes, properties included, bear the model's field names); ``exclude_if``,
    by field name, when to leave out a field whose model validator changes its value."""
    return SchemaSerializer(_reading_views(model.__pydantic_core_schema__, views, exclude_if or {}))


def _reading_views(
    schema: CoreSchema, views: Mapping[type[BaseModel], type], exclude_if: Mapping[str, Any]
) -> CoreSchema:
    given: Any = schema  # read by key: the kinds below are those the page models use
    kind = given["type"]
    if kind == "model":
        if "serialization" in given or given["schema"].get("computed_fields"):
            raise TypeError(f"{given['cls'].__name__}: its own serialiser is not carried over")
        view = views[given["cls"]]
        fields = [
            _field(name, field, views, exclude_if)
            for name, field in given["schema"]["fields"].items()
        ]
        arguments = core_schema.dataclass_args_schema(view.__name__, fields)
        names = [field["name"] for field in fields]
        return core_schema.dataclass_schema(view, arguments, names, slots=True)
    if kind == "list":
        items = _reading_views(given["items_schema"], views, exclude_if)
        return {**given, "items_schema": items}
    if kind in ("nullable", "default"):
        inner = _reading_views(given["schema"], views, exclude_if)
        return {**given, "schema": inner}
    if kind.startswith("function") or kind in ("definitions", "definition-ref"):
        raise TypeError(f"no serialisation from views for a {kind} schema")
    return schema  # a leaf (str, int, uuid, datetime...): validation constraints are ignored


def _field(
    name: str, field: Any, views: Mapping[type[BaseModel], type], exclude_if: Mapping[str, Any]
) -> core_schema.DataclassField:
    schema = field["schema"]
    if schema["type"] == "default":
        schema = schema["schema"]
    excluded = field.get("serialization_exclude_if")
    if schema["type"].startswith("function"):
        if name not in exclude_if:
            raise TypeError(f"{name!r} is changed by a validator: say when to leave it out")
        schema, excluded = schema["schema"], exclude_if[name]
    if field.get("serialization_alias") or field.get("serialization_exclude"):
        raise TypeError(f"{name!r}: aliases and excluded fields are not carried over")
    return core_schema.dataclass_field(
        name, _reading_views(schema, views, exclude_if), serialization_exclude_if=excluded
    )
