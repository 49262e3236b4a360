"""Folio's Prometheus metrics: every series the process exports, by name, so that any adapter
or entrypoint can update one (``metrics.LOGIN_FAILURES.inc()``).

Correct under several worker processes: when PROMETHEUS_MULTIPROC_DIR is set (``folio serve
--workers N`` sets it), each process writes its values to files there and /metrics adds them
up; gauges say how (``livesum``: summed over live workers; ``livemax``: the largest)."""

from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

HTTP_REQUESTS = Counter(
    "folio_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "folio_http_request_duration_seconds",
    "Time from a request's arrival to its response's last byte, by method, route and status.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
HTTP_IN_PROGRESS = Gauge(
    "folio_http_requests_in_progress",
    "HTTP requests being served now.",
    multiprocess_mode="livesum",
)
DB_POOL_SIZE = Gauge(
    "folio_db_pool_size",
    "Database connections the pools may open (FOLIO_DB_POOL_SIZE per worker).",
    multiprocess_mode="livesum",
)
DB_POOL_IN_USE = Gauge(
    "folio_db_pool_connections_in_use",
    "Database connections checked out of the pools now.",
    multiprocess_mode="livesum",
)
DB_POOL_WAITING = Gauge(
    "folio_db_pool_waiting",
    "Requests waiting for a database connection (a free one, or a new one being opened).",
    multiprocess_mode="livesum",
)
OUTBOX_BACKLOG = Gauge(
    "folio_outbox_backlog",
    "Outbox events not yet delivered to every handler.",
    multiprocess_mode="livemax",
)
OUTBOX_OLDEST_AGE = Gauge(
    "folio_outbox_oldest_age_seconds",
    "Age of the oldest undelivered outbox event (0 when there is none).",
    multiprocess_mode="livemax",
)
WEBSOCKETS_OPEN = Gauge(
    "folio_websocket_connections",
    "WebSocket connections open now.",
    multiprocess_mode="livesum",
)
LOGIN_FAILURES = Counter(
    "folio_login_failures",
    "Log-in attempts refused (wrong credentials, unknown or deactivated account).",
)
RATE_LIMIT_REJECTIONS = Counter(
    "folio_rate_limit_rejections",
    "Requests refused with 429 by a rate limit, by limit.",
    ["limit"],
)
