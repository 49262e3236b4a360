"""The garbage collector tuned for a server: what is allocated before the first request lives
as long as the process, and a request's garbage is freed by reference counting, not cycles.

Measured (docs/performance.md): Folio's process tracks about 210,000 objects once started (the
app, its routes and schemas, the container, SQLAlchemy's statements), and every full collection
walked them all, 100-170 ms each, several a minute under load; young collections, every 700
allocations by default, ran several times per request. Together 10-15% of a list request's CPU.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_COLLECTION_EVERY = 7_000  # allocations net of frees; CPython's default is 700


@contextmanager
def long_lived_heap() -> Iterator[None]:
    """While serving: everything allocated so far is moved out of the collector's sight
    (``gc.freeze``) and young collections run ten times less often. On leaving, both are
    undone, so a process that serves an app and goes on (a test run) collects as before."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
