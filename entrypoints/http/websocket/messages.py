"""Live messages as JSON text frames: ``{"id", "type", "time", "payload"}``."""

import json
import uuid
from datetime import UTC, datetime

from application.ports.live_events import LiveMessage


def encode(message: LiveMessage) -> str:
    return json.dumps(
        {
            "id": str(message.id),
            "type": message.type,
            "time": iso_utc(message.time),
            "payload": dict(message.payload),
        },
        separators=(",", ":"),
    )


def ping(now: datetime) -> LiveMessage:
    """What an idle connection is sent every ping interval."""
    return LiveMessage(uuid.uuid4(), "ping", now)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``: 2026-05-01T12:00:00.250000Z."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
