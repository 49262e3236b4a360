"""Shared hypothesis strategies and helpers of the property tests."""

from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st

from domain.errors import InvalidValue

T = TypeVar("T")

padding = st.text(alphabet=" \t\n", max_size=5)


def valid_or_none(make: Callable[[Any], T], raw: Any) -> T | None:
    """``make(raw)``, or None where the value object refuses ``raw``."""
    try:
        return make(raw)
    except InvalidValue:
        return None
