"""Redis adapters: shared state for several workers and hosts (used when FOLIO_REDIS_URL is set)."""
