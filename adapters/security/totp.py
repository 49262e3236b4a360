"""One-time codes with pyotp: 6 digits, 30-second steps, SHA-1 (what authenticator apps use)."""

import hmac
import secrets
from datetime import datetime

import pyotp

from application.ports.security import OneTimeCodes

ISSUER = "Folio"
STEP_SECONDS = 30
RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"  # base32: 5 bits a character


class PyOtpCodes(OneTimeCodes):
    def new_secret(self) -> str:
        return pyotp.random_base32(length=32)  # 160 bits, RFC 4226's recommendation

    def provisioning_uri(self, secret: str, account: str) -> str:
        return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)

    def step_of(self, secret: str, code: str, now: datetime) -> int | None:
        code = code.strip().replace(" ", "")
        if len(code) != 6 or not code.isdigit():
            return None
        totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
        current = int(now.timestamp()) // STEP_SECONDS
        for step in (current - 1, current, current + 1):
            if hmac.compare_digest(totp.generate_otp(step), code):
                return step
        return None

    def new_recovery_codes(self, count: int) -> list[str]:
        codes: set[str] = set()
        while len(codes) < count:
            raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(16))  # 80 bits
            codes.add("-".join(raw[i : i + 4] for i in range(0, 16, 4)))
        return sorted(codes)
