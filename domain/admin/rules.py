"""Administration rules: an active admin must remain."""

from domain.errors import Conflict
from domain.users.user import User


class LastAdmin(Conflict):
    """The change would leave no active admin."""

    def __init__(self) -> None:
        super().__init__(
            "the last active admin can be neither deactivated, demoted nor deleted; "
            "make another user an admin first"
        )


def ensure_an_admin_remains(user: User, active_admins: int) -> None:
    """Raise LastAdmin if ``user`` is an active admin and the only one of the
    ``active_admins`` (counted, and on a database locked, by the caller's transaction)."""
    if user.is_active_admin and active_admins <= 1:
        raise LastAdmin()
