"""The file ``folio users import`` reads: a JSON array of objects or a CSV file with a header
row, with the columns of the FastAPI template's and fastapi-users' user tables (see
docs/accounts.md). Every row keeps the line it starts on, for the report."""

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from application.users.import_users import ImportedUser, InvalidRow

EMAIL, HASH, NAME = "email", "hashed_password", "full_name"
FLAGS = ("is_active", "is_superuser", "is_verified")
FLAG_DEFAULTS = {"is_active": True, "is_superuser": False, "is_verified": None}
TRUE = frozenset({"true", "t", "1", "yes", "y"})
FALSE = frozenset({"false", "f", "0", "no", "n"})


class UnreadableFile(Exception):
    """The file as a whole is not one of the two shapes: nothing in it can be imported."""


@dataclass
class ReadRows:
    rows: list[ImportedUser] = field(default_factory=list)
    unreadable: list[InvalidRow] = field(default_factory=list)

    def take(self, line: int, record: Any) -> None:
        try:
            self.rows.append(_user(line, record))
        except ValueError as error:
            self.unreadable.append(InvalidRow(line, str(error)))


def read_users(text: str, file_format: str) -> ReadRows:
    """Rows of ``text`` in ``file_format`` (``json`` or ``csv``)."""
    return _read_json(text) if file_format == "json" else _read_csv(text)


def guess_format(name: str, text: str) -> str:
    """``json`` or ``csv`` from the file's extension, else from its first character."""
    lowered = name.lower()
    if lowered.endswith((".json", ".csv")):
        return lowered.rsplit(".", 1)[1]
    return "json" if text.lstrip().startswith("[") else "csv"


def _read_json(text: str) -> ReadRows:
    decoder = json.JSONDecoder()
    found = ReadRows()
    position = _skip_blanks(text, 0)
    if not text.startswith("[", position):
        raise UnreadableFile("a JSON import file holds one array of user objects")
    position = _skip_blanks(text, position + 1)
    while not text.startswith("]", position):
        try:
            record, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise UnreadableFile(f"not valid JSON: {error}") from error
        found.take(text.count("\n", 0, position) + 1, record)
        position = _skip_blanks(text, end)
        if text.startswith(",", position):
            position = _skip_blanks(text, position + 1)
        elif not text.startswith("]", position):
            line = text.count("\n", 0, position) + 1
            raise UnreadableFile(f"not valid JSON: ',' or ']' expected on line {line}")
    if text[position + 1 :].strip():
        raise UnreadableFile("not valid JSON: text after the array")
    return found


def _read_csv(text: str) -> ReadRows:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or EMAIL not in reader.fieldnames:
        raise UnreadableFile(f"a CSV import file starts with a header row naming {EMAIL!r}")
    found = ReadRows()
    for record in reader:
        # line_num is the record's last line; quoted cells may hold line breaks.
        breaks = sum(cell.count("\n") for cell in record.values() if isinstance(cell, str))
        found.take(reader.line_num - breaks, record)
    return found


def _user(line: int, record: Any) -> ImportedUser:
    if not isinstance(record, dict):
        raise ValueError("a user is an object with named fields")
    if None in record:  # csv: more cells than the header names
        raise ValueError("more cells than the header row names")
    email, password_hash = record.get(EMAIL), record.get(HASH)
    if not isinstance(email, str) or not email.strip():
        raise ValueError(f"{EMAIL}: missing")
    if not isinstance(password_hash, str) or not password_hash.strip():
        raise ValueError(f"{HASH}: missing")
    name = record.get(NAME)
    if name is not None and not isinstance(name, str):
        raise ValueError(f"{NAME}: must be text")
    flags = {flag: _flag(flag, record.get(flag)) for flag in FLAGS}
    return ImportedUser(
        line=line,
        email=email,
        password_hash=password_hash.strip(),
        name=name or None,
        is_active=flags["is_active"] is not False,
        is_superuser=flags["is_superuser"] is True,
        is_verified=flags["is_verified"],
    )


def _flag(name: str, value: object) -> bool | None:
    """A JSON boolean, or a CSV cell (true/false, t/f as PostgreSQL writes them, 1/0,
    yes/no); left out or empty: the default."""
    if value is None or value == "":
        return FLAG_DEFAULTS[name]
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    raise ValueError(f"{name}: {str(value)[:20]!r} is not true or false")


def _skip_blanks(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position
