"""The 30,000 most common passwords, as zxcvbn ships them (no download at run time)."""

from functools import cached_property

from application.ports.security import CommonPasswords


class ZxcvbnCommonPasswords(CommonPasswords):
    """zxcvbn's ``passwords`` frequency list (lower-case), imported on first use: the module
    is large, and a server should start without waiting for it."""

    @cached_property
    def _passwords(self) -> frozenset[str]:
        from zxcvbn.frequency_lists import FREQUENCY_LISTS

        return frozenset(FREQUENCY_LISTS["passwords"])

    def __contains__(self, password: object) -> bool:
        return isinstance(password, str) and password.lower() in self._passwords

    def __len__(self) -> int:
        return len(self._passwords)
