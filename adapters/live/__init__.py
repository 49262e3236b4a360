"""Live-event fan-out inside one process (the Redis adapter spreads it across processes)."""
