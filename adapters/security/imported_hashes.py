"""Password hashes made by other systems (the FastAPI template, fastapi-users): bcrypt,
verified with the bcrypt package, and argon2id, verified by the current argon2 hasher."""

import re

import anyio.to_thread
import bcrypt
from argon2 import extract_parameters
from argon2.exceptions import InvalidHashError
from argon2.profiles import get_default_parameters

from application.ports.imported_hashes import ImportedHashes
from application.ports.security import PasswordHasher

BCRYPT = re.compile(r"^\$2[aby]\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}$")
BCRYPT_MAX_BYTES = 72  # bcrypt reads no further; the systems it comes from cut there too
ARGON2ID_PREFIX = "$argon2id$"
ARGON2_VERSION = get_default_parameters().version


def is_bcrypt(password_hash: str) -> bool:
    return BCRYPT.match(password_hash) is not None


class WithImportedHashes(PasswordHasher, ImportedHashes):
    """``current`` (argon2id) for everything it makes, and bcrypt hashes verified too: a
    bcrypt hash always needs a rehash, so the first successful login replaces it."""

    def __init__(self, current: PasswordHasher) -> None:
        self._current = current

    @property
    def current(self) -> PasswordHasher:
        return self._current

    async def hash(self, password: str) -> str:
        return await self._current.hash(password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        if password_hash is not None and is_bcrypt(password_hash):
            return await anyio.to_thread.run_sync(_check_bcrypt, password_hash, password)
        return await self._current.verify(password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return is_bcrypt(password_hash) or self._current.needs_rehash(password_hash)

    def problem_with(self, password_hash: str) -> str | None:
        if is_bcrypt(password_hash):
            return None
        if not password_hash.startswith(ARGON2ID_PREFIX):
            return "neither bcrypt ($2b$...) nor argon2id ($argon2id$...)"
        try:
            parameters = extract_parameters(password_hash)
        except (InvalidHashError, ValueError):
            return "not a well-formed argon2id hash"
        if parameters.version != ARGON2_VERSION:
            return f"argon2 version {parameters.version} is not supported"
        return None


def _check_bcrypt(password_hash: str, password: str) -> bool:
    secret = password.encode()[:BCRYPT_MAX_BYTES]
    try:
        return bcrypt.checkpw(secret, password_hash.encode())
    except ValueError:
        return False
