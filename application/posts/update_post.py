from collections.abc import Sequence
from dataclasses import dataclass

from application.errors import PostNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, load_post, read_post
from application.posts.slugs import free_slug_for
from application.posts.views import PostView
from domain.posts.policy import ContentPolicy
from domain.posts.values import Content, Description, Tags, Title
from domain.roles import Actor
from domain.users.verification import ContributionPolicy


@dataclass(frozen=True, slots=True)
class UpdatePostCommand:
    """Fields left as None stay as they are. The author never changes; the slug changes only
    with ``slug_follows_title``: then a new title gives the post the slug it would get if it
    were written now with that title (unique, as on creation)."""

    title: str | None = None
    content: str | None = None
    tags: Sequence[str] | None = None
    published: bool | None = None
    description: str | None = None
    expected_versions: frozenset[int] | None = None  # If-Match: StaleVersion otherwise
    slug_follows_title: bool = False


class UpdatePost:
    """The author changes their post, named by id or by slug (PermissionDenied for anyone
    else; PostNotFound for a draft that is not theirs). With ``expected_versions`` the change
    is made only if the post is still at one of them, also against a concurrent writer
    (StaleVersion otherwise). A change that leaves the post published is refused with
    EmailNotVerified when the contribution policy keeps the caller from publishing."""

    def __init__(
        self,
        uow: UnitOfWork,
        clock: Clock,
        policy: ContentPolicy,
        contribution: ContributionPolicy = ContributionPolicy(),
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._policy = policy
        self._contribution = contribution

    async def __call__(
        self, actor: Actor, post_ref: PostRef, command: UpdatePostCommand
    ) -> PostView:
        title = None if command.title is None else Title(command.title)
        content = None if command.content is None else Content(command.content)
        description = None if command.description is None else Description(command.description)
        tags = None if command.tags is None else Tags.of(command.tags)
        async with self._uow as uow:
            post = await load_post(uow, post_ref)
            if post is None or not post.is_visible_to(actor):
                raise PostNotFound()
            post.ensure_editable_by(actor)
            post.expect_version(command.expected_versions)
            now = self._clock.now()
            post.edit(
                title=title,
                content=content,
                description=description,
                policy=self._policy,
                now=now,
            )
            if command.slug_follows_title and title is not None:
                post.move_to(await free_slug_for(uow, post, title), now=now)
            if tags is not None:
                post.retag(tags, now=now)
            if command.published is True:
                post.publish(now=now)
            elif command.published is False:
                post.unpublish(now=now)
            if post.is_published:
                self._contribution.ensure_may_contribute(actor)
            await uow.commit()
            view = await read_post(uow, post.id, actor.id)
        if view is None:
            raise PostNotFound()
        return view
