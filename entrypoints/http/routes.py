"""The route template a request matched, for logs and metrics (never the raw path, which
would carry ids and make every post its own time series)."""

from starlette.types import Scope

UNMATCHED = "<unmatched>"


def route_template(scope: Scope, root_path_at_entry: str) -> str:
    """``/posts/{post_id}`` for a request to ``/posts/0b6c...``; a mounted sub-application's
    prefix included (``/api/users/login``); ``/docs-assets/*`` inside a mount without routes;
    UNMATCHED when no route took the request."""
    mount_prefix = str(scope.get("root_path", ""))[len(root_path_at_entry) :]
    path = getattr(scope.get("route"), "path", None)
    if isinstance(path, str):
        return mount_prefix + path
    # A mounted application without routes of its own (static files), or none of its routes.
    return f"{mount_prefix}/*" if mount_prefix else UNMATCHED
