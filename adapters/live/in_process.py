"""The default live-events adapter: fan-out within this process only."""

from adapters.live.fan_out import LocalFanOut
from application.ports.live_events import LiveEvents, LiveMessage, LiveSubscription


class InProcessLiveEvents(LiveEvents):
    """Delivers to the subscribers of this process. Enough for one worker; several workers or
    hosts need a shared medium (RedisLiveEvents)."""

    def __init__(self) -> None:
        self.fan_out = LocalFanOut()

    async def publish(self, message: LiveMessage) -> None:
        self.fan_out.deliver(message)

    def subscribe(self, capacity: int) -> LiveSubscription:
        return self.fan_out.subscription(capacity)

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None
