"""The RealWorld sub-application, which the app factory mounts under /api. It has its own
error handlers (RealWorld's error format) and its own OpenAPI document (/api/docs)."""

import re

from fastapi import FastAPI
from starlette.routing import Mount

from entrypoints.container import Container
from entrypoints.realworld import auth
from entrypoints.realworld.errors import install_error_handlers
from entrypoints.realworld.openapi import install_openapi
from entrypoints.realworld.responses import RealWorldJSONResponse
from entrypoints.realworld.routers import articles, comments, favorites, profiles, tags, users

PREFIX = "/api"
DESCRIPTION = (
    "The RealWorld (Conduit) API over Folio's use cases. Send `Authorization: Token <jwt>`; "
    'errors are `{"errors": {"field": ["message"]}}`.'
)


def create_realworld_app(container: Container) -> FastAPI:
    container.wire(modules=[auth])  # _caller's Provide markers; routes use Inject
    app = FastAPI(
        title="Folio: RealWorld API",
        version="1.1.0",
        description=DESCRIPTION,
        default_response_class=RealWorldJSONResponse,
    )
    app.state.container = container
    app.state.cache_max_age = container.settings().http_cache_max_age
    install_error_handlers(app)
    for module in (users, profiles, articles, favorites, comments, tags):
        app.include_router(module.router)
    install_openapi(app, PREFIX)
    return app


def realworld_mount(container: Container) -> Mount:
    """The sub-application at PREFIX, for every path under it: Starlette's ``{path:path}``
    stops at a line break, which a path may hold (``%0A``), and such a request would then be
    answered by the native API, in its format."""
    mount = Mount(PREFIX, app=create_realworld_app(container))
    mount.path_regex = re.compile(mount.path_regex.pattern, re.DOTALL)
    return mount
