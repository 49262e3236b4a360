"""Close live WebSockets with 1001 ("going away") when the server is told to stop.

uvicorn closes the connections it still holds (WebSockets with 1012, "service restart")
before the app's lifespan ends, which would be too late. So while the app runs, it steps in
front of the server's SIGINT and SIGTERM handlers: on the first signal it closes its
WebSockets, then hands the signal on; a second signal is handed on at once (force quit)."""

import asyncio
import signal
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def going_away_first(close_all: Callable[[], Awaitable[None]]) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    previous = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    served = {  # a server's own handlers, not Python's defaults
        sig: handler
        for sig, handler in previous.items()
        if callable(handler) and handler is not signal.default_int_handler
    }
    closing: set[asyncio.Task[None]] = set()

    def hand_on(sig: int, frame: FrameType | None) -> None:
        served[signal.Signals(sig)](sig, frame)

    async def close_then_hand_on(sig: int) -> None:
        try:
            await close_all()
        finally:
            hand_on(sig, None)

    def on_signal(sig: int, frame: FrameType | None) -> None:
        if closing:
            hand_on(sig, frame)
            return
        task = loop.create_task(close_then_hand_on(sig))
        closing.add(task)

    def on_signal_threadsafe(sig: int, frame: FrameType | None) -> None:
        loop.call_soon_threadsafe(on_signal, sig, frame)

    for sig in served:
        signal.signal(sig, on_signal_threadsafe)
    try:
        yield
    finally:
        for sig, handler in served.items():
            if signal.getsignal(sig) is on_signal_threadsafe:
                signal.signal(sig, handler)
