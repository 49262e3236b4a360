from dataclasses import dataclass

from application.errors import UserNotFound
from application.ports.unit_of_work import UnitOfWork
from application.sessions.two_factor_check import TwoFactorCheck
from domain.roles import Actor
from domain.sessions.two_factor import TwoFactor, TwoFactorAlreadyOn


@dataclass(frozen=True, slots=True)
class TotpEnrolment:
    """What the authenticator app needs; shown once, confirmed by a first code."""

    secret: str
    otpauth_uri: str


class EnrolTotp:
    """Begin turning two-factor login on: a new secret, pending until ConfirmTotp sees a first
    code from it (a pending secret started earlier is replaced). TwoFactorAlreadyOn if it is
    on already."""

    def __init__(self, uow: UnitOfWork, check: TwoFactorCheck) -> None:
        self._uow = uow
        self._check = check

    async def __call__(self, actor: Actor) -> TotpEnrolment:
        secret = self._check.codes.new_secret()
        async with self._uow as uow:
            user = await uow.users.get(actor.id)
            if user is None:
                raise UserNotFound()
            current = await uow.two_factor.get(actor.id)
            if current is not None and current.is_on:
                raise TwoFactorAlreadyOn()
            if current is not None:
                uow.two_factor.remove(current)
                await uow.commit()
        async with self._uow as uow:
            uow.two_factor.add(TwoFactor(id=actor.id, secret=secret, created_at=self._check.now()))
            await uow.commit()
        uri = self._check.codes.provisioning_uri(secret, user.email.value)
        return TotpEnrolment(secret, uri)
