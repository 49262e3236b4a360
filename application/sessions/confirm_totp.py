from application.errors import InvalidOneTimeCode, TwoFactorNotEnrolled
from application.ports.unit_of_work import UnitOfWork
from application.sessions.two_factor_check import TwoFactorCheck
from domain.roles import Actor


class ConfirmTotp:
    """Turn two-factor login on with a first code from the enrolled secret; answers the
    recovery codes, shown this once (only their digests are kept)."""

    def __init__(self, uow: UnitOfWork, check: TwoFactorCheck) -> None:
        self._uow = uow
        self._check = check

    async def __call__(self, actor: Actor, code: str) -> list[str]:
        shown, digests = self._check.new_recovery_codes()
        async with self._uow as uow:
            record = await uow.two_factor.get(actor.id)
            if record is None or record.is_on:
                raise TwoFactorNotEnrolled()
            step = self._check.codes.step_of(record.secret, code, self._check.now())
            if step is None:
                raise InvalidOneTimeCode()
            record.confirm(step, digests, self._check.now())
            await uow.commit()
        return shown
