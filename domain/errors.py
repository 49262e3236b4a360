"""Domain errors: a rule of the business was broken. Entrypoints map each to an HTTP status."""


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""


class InvalidValue(DomainError):
    """A value object refused its input; ``field`` names what was wrong, ``message`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ContentPolicyViolation(InvalidValue):
    """Text breaks the content policy (for example, a banned word in a title)."""


class Conflict(DomainError):
    """The change would break a uniqueness rule."""


class EmailAlreadyRegistered(Conflict):
    def __init__(self) -> None:
        super().__init__("a user with this e-mail is already registered")


class UsernameAlreadyTaken(Conflict):
    def __init__(self) -> None:
        super().__init__("this username is already taken")


class SlugAlreadyTaken(Conflict):
    def __init__(self) -> None:
        super().__init__("a post with this slug already exists")


class StaleVersion(DomainError):
    """The change was made against a version that is no longer the current one."""

    def __init__(self) -> None:
        super().__init__("the resource has changed since the version given; read it again")


class PermissionDenied(DomainError):
    """The actor may not do this to this aggregate."""


class CannotFollowYourself(InvalidValue):
    def __init__(self) -> None:
        super().__init__("username", "you cannot follow yourself")


class FavoritesClosed(DomainError):
    """The post cannot be favourited (it is a draft)."""

    def __init__(self) -> None:
        super().__init__("a draft cannot be favourited; publish it first")


class CommentsClosed(DomainError):
    """The post takes no comments (it is a draft)."""

    def __init__(self) -> None:
        super().__init__("a draft takes no comments; publish it first")


class AlreadyFollowing(Conflict):
    """A concurrent request made the same follow first (use cases treat it as success)."""

    def __init__(self) -> None:
        super().__init__("you already follow this user")


class AlreadyFavorited(Conflict):
    """A concurrent request made the same favourite first (use cases treat it as success)."""

    def __init__(self) -> None:
        super().__init__("you already favourited this post")
