"""argon2id password hashing (argon2-cffi), run in worker threads off the event loop."""

from dataclasses import dataclass

import anyio.to_thread
from argon2 import PasswordHasher as Argon2
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError

from application.ports.security import PasswordHasher


@dataclass(frozen=True, slots=True)
class Argon2Parameters:
    time_cost: int = 3
    memory_cost: int = 65536  # KiB
    parallelism: int = 4


class Argon2PasswordHasher(PasswordHasher):
    def __init__(self, parameters: Argon2Parameters) -> None:
        self._argon2 = Argon2(
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_cost,
            parallelism=parameters.parallelism,
            type=Type.ID,
        )
        self._dummy_hash = self._argon2.hash("folio-dummy-password")

    async def hash(self, password: str) -> str:
        return await anyio.to_thread.run_sync(self._argon2.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        if password_hash is None:
            await anyio.to_thread.run_sync(self._check, self._dummy_hash, password)
            return False
        return await anyio.to_thread.run_sync(self._check, password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return self._argon2.check_needs_rehash(password_hash)

    def _check(self, password_hash: str, password: str) -> bool:
        try:
            return self._argon2.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
