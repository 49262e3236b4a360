"""A follow: one user subscribes to another's posts. Identified by the pair, so following twice
is the same follow."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid5

from domain.errors import CannotFollowYourself
from domain.events import Aggregate
from domain.ids import UserId
from domain.social.events import UserFollowed, UserUnfollowed

_FOLLOWS = UUID("5f0c8a52-3a4e-4c1d-9a59-1f4f2f7e8b01")


@dataclass(eq=False, kw_only=True)
class Follow(Aggregate):
    follower_id: UserId
    followee_id: UserId
    created_at: datetime

    @staticmethod
    def id_of(follower_id: UserId, followee_id: UserId) -> UUID:
        """The one id a follow of ``followee_id`` by ``follower_id`` can have."""
        return uuid5(_FOLLOWS, f"{follower_id}:{followee_id}")

    @classmethod
    def start(cls, *, follower_id: UserId, followee_id: UserId, now: datetime) -> "Follow":
        if follower_id == followee_id:
            raise CannotFollowYourself()
        follow = cls(
            id=cls.id_of(follower_id, followee_id),
            follower_id=follower_id,
            followee_id=followee_id,
            created_at=now,
        )
        follow.record(
            UserFollowed(occurred_at=now, follower_id=follower_id, followee_id=followee_id)
        )
        return follow

    def end(self, *, now: datetime) -> None:
        """The follower stops following; the repository removes the follow."""
        self.record(
            UserUnfollowed(
                occurred_at=now, follower_id=self.follower_id, followee_id=self.followee_id
            )
        )
