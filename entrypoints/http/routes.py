"""The route template a request matched, for logs and metrics (never the raw path, which
would carry ids and make every post its own time series)."""

from starlette.types import Scope

UNMATCHED = "<unmatched>"


def route_template(scope: Scope, root_path_at_entry: str) -> str:
    """``/posts/{post_id}`` for a request to ``/posts/0b6c...``; a mounted sub-application's
    prefix included (``/api/users/login``); UNMATCHED when no route took the request."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return UNMATCHED
    mount_prefix = str(scope.get("root_path", ""))[len(root_path_at_entry) :]
    return mount_prefix + path
