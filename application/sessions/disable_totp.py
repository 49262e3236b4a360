from application.errors import InvalidOneTimeCode, TwoFactorNotEnrolled
from application.ports.unit_of_work import UnitOfWork
from application.sessions.two_factor_check import TwoFactorCheck
from domain.roles import Actor


class DisableTotp:
    """Turn two-factor login off; needs a current one-time code or an unused recovery code."""

    def __init__(self, uow: UnitOfWork, check: TwoFactorCheck) -> None:
        self._uow = uow
        self._check = check

    async def __call__(self, actor: Actor, code: str) -> None:
        async with self._uow as uow:
            record = await uow.two_factor.get(actor.id)
            if record is None or not record.is_on:
                raise TwoFactorNotEnrolled()
            if self._check.spend(record, code) is None:
                raise InvalidOneTimeCode()
            uow.two_factor.remove(record)
            await uow.commit()
