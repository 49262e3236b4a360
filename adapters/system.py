"""The plain adapters of the Clock and IdGenerator ports."""

import uuid
from datetime import UTC, datetime

from application.ports.clock import Clock, IdGenerator


class SystemClock(Clock):
    def now(self) -> datetime:
        return datetime.now(UTC)


class RandomIdGenerator(IdGenerator):
    def new_id(self) -> uuid.UUID:
        return uuid.uuid4()
