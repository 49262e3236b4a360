"""Live events across processes and hosts through Redis pub/sub."""

import asyncio
import contextlib
import json
import logging
import uuid
from datetime import datetime

from redis.asyncio import Redis

from adapters.live.fan_out import LocalFanOut
from application.ports.live_events import LiveEvents, LiveMessage, LiveSubscription
from domain.ids import UserId

logger = logging.getLogger("folio.live")
CLOSE_SECONDS = 5.0


class RedisLiveEvents(LiveEvents):
    """``publish`` sends the message to a Redis channel; every process listens to it on one
    connection of its own and hands what arrives to its local subscribers, so a client on any
    worker or host receives an event committed on any other.

    Pub/sub ignores Redis database numbers, so the channel is named after the client's database:
    one database, one deployment. A lost connection is re-established with backoff; messages
    published meanwhile do not reach this process (clients catch up with the REST API).
    """

    def __init__(self, redis: Redis, max_retry_delay: float = 5.0) -> None:
        self.fan_out = LocalFanOut()
        self.channel = f"folio:{redis.connection_pool.connection_kwargs.get('db', 0)}:live"
        self._redis = redis
        self._max_retry_delay = max_retry_delay
        self._listener: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()
        self._first_try = asyncio.Event()  # set once the first subscription succeeded or failed

    async def publish(self, message: LiveMessage) -> None:
        await self._redis.publish(self.channel, encode(message))

    def subscribe(self, capacity: int) -> LiveSubscription:
        return self.fan_out.subscription(capacity)

    async def start(self) -> None:
        """Start listening; wait (a few seconds at most) until Redis confirms it, or refuses at
        once: a Redis that is down does not hold the app's start-up (``/readyz`` says so)."""
        if self._listener is None:
            self._listener = asyncio.create_task(self._listen())
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(5):
                await self._first_try.wait()
        if not self.listening.is_set():
            logger.warning("live events: no Redis subscription yet on %s; retrying", self.channel)

    async def close(self) -> None:
        """Stop listening. Bounded: a pub/sub connection that Redis dropped can leave the
        client's clean-up waiting on a dead socket, which must not hold the app's shutdown."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.cancel()
            await asyncio.wait({listener}, timeout=CLOSE_SECONDS)  # never raises

    async def _listen(self) -> None:
        delay = 0.1
        while True:
            try:
                await self._receive()
            except Exception as error:  # the connection dropped, or Redis is not up yet
                self.listening.clear()
                self._first_try.set()
                logger.warning("live events: Redis pub/sub failed (%s); retrying", error)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._max_retry_delay)

    async def _receive(self) -> None:
        async with self._redis.pubsub() as pubsub:
            await pubsub.subscribe(self.channel)
            async for item in pubsub.listen():
                if item["type"] == "subscribe":
                    self.listening.set()
                    self._first_try.set()
                elif item["type"] == "message":
                    self._deliver(item["data"])

    def _deliver(self, data: bytes) -> None:
        try:
            message = decode(data)
        except (ValueError, KeyError, TypeError):
            logger.warning("live events: dropped a malformed message on %s", self.channel)
            return
        self.fan_out.deliver(message)


def encode(message: LiveMessage) -> bytes:
    recipient = None if message.recipient_id is None else str(message.recipient_id)
    document = {
        "id": str(message.id),
        "type": message.type,
        "time": message.time.isoformat(),
        "payload": dict(message.payload),
        "recipient_id": recipient,
    }
    return json.dumps(document, separators=(",", ":")).encode()


def decode(data: bytes) -> LiveMessage:
    document = json.loads(data)
    recipient = document["recipient_id"]
    return LiveMessage(
        id=uuid.UUID(document["id"]),
        type=str(document["type"]),
        time=datetime.fromisoformat(document["time"]),
        payload=dict(document["payload"]),
        recipient_id=None if recipient is None else UserId(uuid.UUID(recipient)),
    )
