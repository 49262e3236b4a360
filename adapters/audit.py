"""The audit trail as log records of the ``folio.audit`` logger, each with a structured
``audit`` attribute: action, outcome, user id, request id and client address."""

import logging
from contextvars import ContextVar

from application.ports.audit import AuditTrail
from domain.ids import UserId

logger = logging.getLogger("folio.audit")

# Set by the HTTP layer for each request (entrypoints/http/audit_context.py).
request_id_var: ContextVar[str | None] = ContextVar("audit_request_id", default=None)
client_address_var: ContextVar[str | None] = ContextVar("audit_client_address", default=None)


class LoggingAuditTrail(AuditTrail):
    def record(self, action: str, *, user_id: UserId | None = None, outcome: str = "ok") -> None:
        entry = {
            "action": action,
            "outcome": outcome,
            "user_id": None if user_id is None else str(user_id),
            "request_id": request_id_var.get(),
            "client_address": client_address_var.get(),
        }
        logger.info(
            "audit %s %s user=%s request=%s client=%s",
            *entry.values(),
            extra={
                "audit": entry,
                "action": action,
                "outcome": outcome,
                "user_id": entry["user_id"],
                "request_id": entry["request_id"],
                "client": entry["client_address"],
            },
        )
