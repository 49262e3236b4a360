"""The FastAPI application factory. Serve with
``uvicorn entrypoints.http.app:create_app --factory``."""

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware import Middleware

from adapters.metrics.exposition import Exposition, forget_process, sample_every
from adapters.sqlalchemy.outbox_metrics import OutboxSampler
from entrypoints.container import Container, close
from entrypoints.http import dependencies
from entrypoints.http.access_log import AccessLogMiddleware
from entrypoints.http.audit_context import AuditContextMiddleware
from entrypoints.http.body_limit import BodyLimitMiddleware
from entrypoints.http.cors import cors_middleware
from entrypoints.http.docs import install_docs
from entrypoints.http.errors import install_error_handlers
from entrypoints.http.hashing_gate import HashingGateMiddleware
from entrypoints.http.head import HeadAsGetMiddleware
from entrypoints.http.heap import long_lived_heap
from entrypoints.http.idempotency import IdempotencyMiddleware
from entrypoints.http.metrics import MetricsMiddleware
from entrypoints.http.middleware import RequestIdMiddleware
from entrypoints.http.openapi import install_openapi
from entrypoints.http.rate_limit import rate_limit_middleware
from entrypoints.http.router_order import dispatch_order, in_document_order
from entrypoints.http.routers import metrics
from entrypoints.http.security_headers import SecurityHeadersMiddleware
from entrypoints.http.trusted_hosts import TrustedHostMiddleware
from entrypoints.http.unexpected import UnexpectedErrorMiddleware
from entrypoints.http.websocket import route as websocket_route
from entrypoints.http.websocket.lifespan import live_events_running
from entrypoints.logs import configure_logging
from entrypoints.realworld.app import realworld_mount
from entrypoints.settings import Settings

SAMPLE_SECONDS = 15.0
API_DESCRIPTION = (
    "Folio, a blogging backend. Errors are RFC 9457 problem documents "
    "(application/problem+json). Log in at POST /token (OAuth2 password flow) and send "
    "the token as `Authorization: Bearer <token>`."
)


def create_app(container: Container | None = None) -> FastAPI:
    """An app served by ``container`` (a fresh one from the environment if none is given)."""
    container = container or Container()
    container.wire(modules=[dependencies])  # identify's Provide markers; routes use Inject
    settings = container.settings()
    configure_logging(settings.log_level, settings.effective_log_format)
    app = FastAPI(
        title="Folio",
        version="0.1.0",
        description=API_DESCRIPTION,
        lifespan=_lifespan,
        docs_url=None,  # served from local assets by install_docs
        redoc_url=None,
    )
    app.state.container = container
    app.state.cache_max_age = container.settings().http_cache_max_age
    # First among the routes: no native path is under /api, and a RealWorld request then finds
    # its app by one prefix check instead of trying every native route before it.
    app.router.routes.append(realworld_mount(container))
    install_middleware(app, container)
    install_error_handlers(app)
    install_openapi(app, in_document_order)
    for router in dispatch_order():
        app.include_router(router)
    # After the API's routers (none of which has a path of theirs): each route a request
    # passes costs FastAPI work, and the API's requests are the many (docs/performance.md).
    install_docs(app)
    app.include_router(websocket_route.router)
    install_metrics_route(app, container, settings)
    return app


def install_middleware(app: FastAPI, container: Container) -> None:
    """Every cross-cutting HTTP concern, outermost first: a request meets them in this order
    and a response leaves through them in reverse.

    1. security headers: on every response, errors from the layers below included, and no
       ``server`` banner;
    2. CORS (when FOLIO_CORS_ORIGINS lists origins): preflights answered, refusals readable;
    3. request id on every reply; the access log (one line a request) and the metrics, so
       that refusals by the layers below are logged and counted too;
    4. trusted hosts: another Host is refused before any work; then the audit context (the
       request id and client address that audit records and sessions carry);
    5. rate limits per client address (unless FOLIO_RATE_LIMIT_ENABLED=false): before the
       body is read, so a refused request costs almost nothing;
    6. logins and registrations refused with 503 while every password-hashing slot is taken,
       before their bodies are read;
       body limit: oversized or deeply nested bodies refused before auth and parsing;
    7. idempotency keys on POST: a retry gets the first response, without a second effect;
    8. unexpected errors: a 500 problem, logged once; HEAD runs as GET.
    """
    settings = container.settings()
    stack = [Middleware(SecurityHeadersMiddleware)]
    if settings.cors_origins:
        stack.append(cors_middleware(settings.cors_origins))
    stack += [
        Middleware(RequestIdMiddleware),
        Middleware(AccessLogMiddleware),
        Middleware(MetricsMiddleware),
        Middleware(TrustedHostMiddleware, allowed=settings.trusted_hosts),
        Middleware(AuditContextMiddleware, addresses=container.hardening.client_addresses()),
    ]
    if settings.rate_limit_enabled:
        stack.append(rate_limit_middleware(container))
    stack += [
        Middleware(HashingGateMiddleware, pool=container.hardening.hashing_pool()),
        Middleware(
            BodyLimitMiddleware,
            max_bytes=settings.max_body_bytes,
            max_depth=settings.max_json_depth,
            max_items=settings.max_json_array_items,
        ),
        Middleware(
            IdempotencyMiddleware,
            store=container.idempotency_store(),
            clock=container.clock(),
            addresses=container.hardening.client_addresses(),
        ),
        Middleware(UnexpectedErrorMiddleware),
        Middleware(HeadAsGetMiddleware),
    ]
    for layer in reversed(stack):  # add_middleware wraps: the last added is the outermost
        app.add_middleware(layer.cls, *layer.args, **layer.kwargs)


def install_metrics_route(app: FastAPI, container: Container, settings: Settings) -> None:
    """/metrics on this app, unless metrics are off or served on a port of their own (then the
    lifespan samples the gauges read from elsewhere every SAMPLE_SECONDS instead)."""
    samplers = [OutboxSampler(container.engine())] if settings.storage == "sql" else []
    app.state.metrics_samplers = samplers if settings.metrics_enabled else []
    if not settings.metrics_enabled or settings.metrics_port is not None:
        return
    token = settings.metrics_token
    app.state.metrics_token = None if token is None else token.get_secret_value()
    app.state.metrics_exposition = Exposition(samplers)
    app.include_router(metrics.router)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    container: Container = app.state.container
    settings = container.settings()
    # A weak secret or key, argon2 below OWASP's minimum or no rate limits, in production.
    settings.refuse_insecure()
    if not settings.rate_limit_enabled:
        logging.getLogger("folio.http").warning(
            "rate limits are off (FOLIO_RATE_LIMIT_ENABLED=false): for load tests only"
        )
    relay = container.outbox_relay() if settings.outbox_relay_in_app else None
    sampling = None
    if settings.metrics_port is not None and app.state.metrics_samplers:
        sampling = asyncio.create_task(sample_every(app.state.metrics_samplers, SAMPLE_SECONDS))
    try:
        if relay is not None:
            await relay.start()
        async with live_events_running(container):
            with long_lived_heap():
                yield
    finally:
        if sampling is not None:
            sampling.cancel()
        if relay is not None:
            await relay.stop()
        await close(container)
        forget_process(os.getpid())
