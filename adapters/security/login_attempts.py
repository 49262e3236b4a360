"""Failed logins written to the log; the login limits of a later issue replace this adapter."""

import logging

from application.ports.security import LoginAttempts

logger = logging.getLogger("folio.auth")


class LoggedLoginAttempts(LoginAttempts):
    def __init__(self) -> None:
        self.failures = 0

    async def failed(self, login: str, reason: str) -> None:
        self.failures += 1
        logger.info("failed login (%s)", reason)
