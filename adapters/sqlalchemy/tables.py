"""The schema, as SQLAlchemy Core tables. Lengths come from the domain's value objects.

Constraint names follow ``metadata``'s naming convention, so migrations and error translation
(see errors.py) can rely on them: ``uq_users_email``, ``uq_users_username``, ``uq_posts_slug``...
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    text,
    true,
)

from adapters.sqlalchemy.column_types import UTCDateTime
from domain.admin.audit import AuditEntry
from domain.admin.reason import Reason
from domain.notifications.notification import Notification
from domain.posts.values import Description, Slug, Tag, Title
from domain.roles import Role
from domain.sessions.session import AuthMethod, EndReason, Session
from domain.users.account_token import AccountToken, TokenPurpose
from domain.users.identities import IdentityKey
from domain.users.values import Bio, DisplayName, Email, ImageUrl, Username

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
ROLE_MAX_LEN = 16
ROLES = ", ".join(f"'{role.value}'" for role in Role)
DIGEST_LEN = 64  # hex SHA-256 of an opaque token
AUTH_METHOD_MAX_LEN = max(len(method.value) for method in AuthMethod)
END_REASON_MAX_LEN = max(len(reason.value) for reason in EndReason)

metadata = MetaData(naming_convention=NAMING_CONVENTION)

users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("email", String(Email.MAX_LEN), nullable=False, unique=True),
    Column("username", String(Username.MAX_LEN), nullable=False),
    # Username.key: the handle lower-cased, so uniqueness and look-ups ignore case (ADR 012).
    Column("username_key", String(Username.MAX_LEN), nullable=False, unique=True),
    Column("name", String(DisplayName.MAX_LEN), nullable=False),
    Column("age", Integer, nullable=True),
    Column("role", String(ROLE_MAX_LEN), nullable=False),
    Column("is_active", Boolean, nullable=False),
    Column("email_notifications", Boolean, nullable=False, server_default=true()),
    Column("email_verified_at", UTCDateTime, nullable=True),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=False, server_default=text("1")),
    Column("bio", String(Bio.MAX_LEN), nullable=True),
    Column("image", String(ImageUrl.MAX_LEN), nullable=True),
    Column("posts_per_day", Integer, nullable=True),  # an admin's posting limit; NULL: none
    CheckConstraint(f"role IN ({ROLES})", name="role"),
    Index(None, "created_at", "id"),
)

posts = Table(
    "posts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column(
        "author_id",
        Uuid,
        ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("title", String(Title.MAX_LEN), nullable=False),
    Column("slug", String(Slug.MAX_LEN), nullable=False, unique=True),
    Column("content", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("published_at", UTCDateTime, nullable=True),
    Column("version", Integer, nullable=False, server_default=text("1")),
    Column("description", String(Description.MAX_LEN), nullable=False, server_default=""),
    # Hidden by an admin (moderation): when, why and by whom (NULL: the CLI operator).
    Column("hidden_at", UTCDateTime, nullable=True),
    Column("hidden_reason", String(Reason.MAX_LEN), nullable=True),
    Column("hidden_by", Uuid, nullable=True),
    # Serves "published_at DESC, id DESC" by a backward scan on SQLite and PostgreSQL alike; a
    # DESC index would be the same B-tree, but SQLite's reflection loses the order, so
    # autogenerate would report a difference forever. It also holds what a list filters on
    # (the author, hidden or not), so a list's total and the choice of a page's ids, however
    # deep, read the index alone (key columns, not INCLUDE, which SQLite lacks).
    Index(None, "published_at", "id", "author_id", "hidden_at"),
    # The few hidden posts, with what a list filters on: a list's total is its posts less
    # these (see read_model/posts.py), so counting reads no hidden_at in the index above.
    Index(
        "ix_posts_hidden",
        "hidden_at",
        "published_at",
        "author_id",
        "id",
        sqlite_where=text("hidden_at IS NOT NULL"),
        postgresql_where=text("hidden_at IS NOT NULL"),
    ),
)

post_tags = Table(
    "post_tags",
    metadata,
    Column(
        "post_id",
        Uuid,
        ForeignKey("posts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("tag", String(Tag.MAX_LEN), primary_key=True),
    Column("position", Integer, nullable=False),
    Index(None, "tag"),
)

# How many visible posts (published, not hidden by an admin) carry each tag: what the tags view
# reads, kept exact by the repositories in the transaction of every change (visible_counts.py,
# ADR 019). A tag no visible post carries has no row.
tag_counts = Table(
    "tag_counts",
    metadata,
    Column("tag", String(Tag.MAX_LEN), primary_key=True),
    Column("uses", Integer, nullable=False),
    Index(None, "uses", "tag"),
)

# How many posts every list of published posts has to count from: one row, "visible", the
# posts published and not hidden by an admin; what a list's total reads instead of counting
# (``GET /posts`` and RealWorld's articles), kept exact beside ``tag_counts`` (ADR 024).
# No row reads as 0.
post_totals = Table(
    "post_totals",
    metadata,
    Column("name", String(30), primary_key=True),
    Column("posts", Integer, nullable=False),
)
VISIBLE_POSTS = "visible"

OUTBOX_STATES = "'pending', 'dead'"
EVENT_NAME_MAX_LEN = 64
HANDLER_NAME_MAX_LEN = 64
RELAY_NAME_MAX_LEN = 64

# Events written by the unit of work in the transaction of their change; ``position`` is the
# commit order. An entry leaves the table once every handler has processed it.
outbox = Table(
    "outbox",
    metadata,
    Column("position", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("event_id", Uuid, nullable=False, unique=True),
    Column("aggregate_id", Uuid, nullable=False),
    Column("event_name", String(EVENT_NAME_MAX_LEN), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("available_at", UTCDateTime, nullable=False),
    Column("lease_owner", String(RELAY_NAME_MAX_LEN), nullable=True),
    Column("lease_until", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    CheckConstraint(f"state IN ({OUTBOX_STATES})", name="state"),
    Index(None, "state", "available_at"),
    Index(None, "aggregate_id", "position"),
)

# Which handler has processed which event: a redelivery skips them (they go with the entry).
processed_events = Table(
    "processed_events",
    metadata,
    Column(
        "event_id",
        Uuid,
        ForeignKey("outbox.event_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("handler", String(HANDLER_NAME_MAX_LEN), primary_key=True),
    Column("processed_at", UTCDateTime, nullable=False),
)

# On SQLite one relay at a time holds the ``outbox`` lease and delivers.
relay_leases = Table(
    "relay_leases",
    metadata,
    Column("name", String(RELAY_NAME_MAX_LEN), primary_key=True),
    Column("owner", String(RELAY_NAME_MAX_LEN), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

follows = Table(
    "follows",
    metadata,
    Column("follower_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("followee_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "followee_id"),
)

favorites = Table(
    "favorites",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("post_id", Uuid, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "post_id"),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("post_id", Uuid, ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
    Column("author_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("hidden_at", UTCDateTime, nullable=True),
    Column("hidden_reason", String(Reason.MAX_LEN), nullable=True),
    Column("hidden_by", Uuid, nullable=True),
    Index(None, "post_id", "created_at", "id"),
    Index(None, "author_id"),
)

# The inbox: newest first per recipient.
notifications = Table(
    "notifications",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column(
        "recipient_id",
        Uuid,
        ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("kind", String(Notification.KIND_MAX_LEN), nullable=False),
    Column("message", String(Notification.MESSAGE_MAX_LEN), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("read_at", UTCDateTime, nullable=True),
    Index(None, "recipient_id", "created_at", "id"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("refresh_hash", String(DIGEST_LEN), nullable=False, unique=True),
    Column("auth_method", String(AUTH_METHOD_MAX_LEN), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_used_at", UTCDateTime, nullable=False),
    Column("refresh_expires_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("client_address", String(Session.CLIENT_ADDRESS_MAX_LEN), nullable=True),
    Column("user_agent", String(Session.USER_AGENT_MAX_LEN), nullable=True),
    Column("ended_at", UTCDateTime, nullable=True),
    Column("end_reason", String(END_REASON_MAX_LEN), nullable=True),
    Index(None, "user_id", "created_at"),
)

retired_refresh_tokens = Table(
    "retired_refresh_tokens",
    metadata,
    Column("token_hash", String(DIGEST_LEN), primary_key=True),
    Column(
        "session_id",
        Uuid,
        ForeignKey("sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
)

# A user's TOTP secret (pending until confirmed) and recovery-code digests (a JSON list);
# ``version`` guards against two transactions spending the same code.
two_factor = Table(
    "two_factor",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("secret", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("confirmed_at", UTCDateTime, nullable=True),
    Column("last_step", BigInteger, nullable=True),
    Column("recovery_codes", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

# External OpenID Connect identities linked to accounts: the provider's issuer and the subject
# it gives the person identify the link (never the e-mail).
user_identities = Table(
    "user_identities",
    metadata,
    Column("issuer", String(IdentityKey.MAX_LEN), primary_key=True),
    Column("subject", String(IdentityKey.MAX_LEN), primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("linked_at", UTCDateTime, nullable=False),
)

TOKEN_PURPOSE_MAX_LEN = max(len(purpose.value) for purpose in TokenPurpose)

# Single-use tokens of account e-mails (reset, verification): only their digest is stored.
account_tokens = Table(
    "account_tokens",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("purpose", String(TOKEN_PURPOSE_MAX_LEN), nullable=False),
    Column("digest", String(AccountToken.DIGEST_LEN), nullable=False, unique=True),
    Column("email", String(Email.MAX_LEN), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
    Index(None, "user_id", "purpose"),
)


IDEMPOTENCY_KEY_MAX_LEN = 255

# The first response to a POST with an Idempotency-Key, kept for a day. The row is inserted by
# the transaction of the request's effect (the primary key makes a concurrent twin fail), and
# the response is written once it is known.
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("scope", String(64), primary_key=True),
    Column("key", String(IDEMPOTENCY_KEY_MAX_LEN), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status", Integer, nullable=True),
    Column("headers", Text, nullable=True),
    Column("body", LargeBinary, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index(None, "expires_at"),
)

# The audit trail of admin actions: written with the action, never updated or deleted. No
# foreign keys: an entry outlives the users and content it names.
audit_entries = Table(
    "audit_entries",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("actor_id", Uuid, nullable=True),
    Column("action", String(AuditEntry.ACTION_MAX_LEN), nullable=False),
    Column("target_type", String(AuditEntry.TARGET_MAX_LEN), nullable=False),
    Column("target_id", Uuid, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("reason", String(Reason.MAX_LEN), nullable=True),
    Column("detail", String(AuditEntry.DETAIL_MAX_LEN), nullable=True),
    Index(None, "at", "id"),
    Index(None, "actor_id"),
    Index(None, "target_id"),
)

# A handle a user left, kept for them until ``reserved_until`` so that links to it do not reach
# someone else; it goes with the user.
username_reservations = Table(
    "username_reservations",
    metadata,
    Column("username_key", String(Username.MAX_LEN), primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("reserved_until", UTCDateTime, nullable=False),
)
