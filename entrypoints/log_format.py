"""How a log record is written: one JSON object a line (production) or a readable line
(development), with the request's fields, and with anything secret-looking blanked out."""

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

# Fields a record may carry (``extra=``), written after the message in this order.
CONTEXT_FIELDS = (
    "request_id",
    "method",
    "route",
    "status",
    "duration_ms",
    "user_id",
    "client",
    "action",
    "outcome",
)
_REDACTIONS = (
    (re.compile(r"(?i)\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 <redacted>"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"), "<token>"),
    (re.compile(r"\$argon2(?:id|i|d)\$[^\s'\"]+"), "<hash>"),
    (re.compile(r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}"), "<hash>"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"), "<email>"),
    (
        re.compile(
            r"(?i)\b(password|passwd|secret|token|password_hash)(['\"]?\s*[:=]\s*)"
            r"(['\"]?)[^\s'\",)}]+"
        ),
        r"\1\2\3<redacted>",
    ),
)


def redact(text: str) -> str:
    """``text`` with e-mail addresses, bearer tokens, JWTs, password hashes and
    ``password=...``-style values replaced by placeholders."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _context(record: logging.LogRecord) -> dict[str, Any]:
    return {
        field: getattr(record, field)
        for field in CONTEXT_FIELDS
        if getattr(record, field, None) is not None
    }


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, the request's
    fields, and the traceback (as one string) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            **{k: redact(v) if isinstance(v, str) else v for k, v in _context(record).items()},
        }
        if record.exc_info:
            line["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """``time LEVEL logger: message key=value ...``, then the traceback on the lines below."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-8s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        head, _, rest = text.partition("\n")
        fields = " ".join(f"{k}={v}" for k, v in _context(record).items())
        head = f"{head} {fields}" if fields else head
        return redact(f"{head}\n{rest}" if rest else head)
