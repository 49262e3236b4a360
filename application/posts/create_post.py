"""Write a post, as a draft or published at once, with a slug unique across posts."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from application.errors import PostNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.errors import SlugAlreadyTaken
from domain.ids import PostId
from domain.posts.policy import ContentPolicy
from domain.posts.post import Post
from domain.posts.values import Content, Description, Slug, Tags, Title
from domain.roles import Actor
from domain.users.verification import ContributionPolicy


@dataclass(frozen=True, slots=True)
class CreatePostCommand:
    """``tags`` keep the order given (duplicates dropped); ``description`` is an optional
    summary of at most Description.MAX_LEN characters."""

    title: str
    content: str
    published: bool = False
    tags: Sequence[str] = field(default_factory=tuple)
    description: str = ""


@dataclass(frozen=True, slots=True)
class _Parts:
    """The command's values, validated."""

    id: PostId
    title: Title
    content: Content
    description: Description
    tags: Tags
    publish: bool


class CreatePost:
    """The slug comes from the title; when another post has it, the new post's id is appended,
    also when the other post commits concurrently. Raises InvalidValue or
    ContentPolicyViolation for bad input; EmailNotVerified when the contribution policy
    keeps the caller from publishing (a draft is always allowed); PostingLimitReached when an
    admin's limit on the author's posts per day is used up. Returns the post as its author
    sees it."""

    def __init__(
        self,
        uow: UnitOfWork,
        clock: Clock,
        ids: IdGenerator,
        policy: ContentPolicy,
        contribution: ContributionPolicy = ContributionPolicy(),
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._policy = policy
        self._contribution = contribution

    async def __call__(self, actor: Actor, command: CreatePostCommand) -> PostView:
        if command.published:
            self._contribution.ensure_may_contribute(actor)
        parts = _Parts(
            id=PostId(self._ids.new_id()),
            title=Title(command.title),
            content=Content(command.content),
            description=Description(command.description),
            tags=Tags.of(command.tags),
            publish=command.published,
        )
        preferred = Slug.from_title(parts.title)
        try:
            return await self._save(actor, parts, preferred)
        except SlugAlreadyTaken:
            return await self._save(actor, parts, preferred.with_suffix(parts.id.hex[:8]))

    async def _save(self, actor: Actor, parts: _Parts, slug: Slug) -> PostView:
        async with self._uow as uow:
            await _ensure_may_post(uow, actor, self._clock.now())
            if slug.reserved or await uow.posts.slug_taken(slug):
                raise SlugAlreadyTaken()
            post = Post.write(
                id=parts.id,
                author_id=actor.id,
                title=parts.title,
                slug=slug,
                description=parts.description,
                content=parts.content,
                tags=parts.tags,
                policy=self._policy,
                now=self._clock.now(),
                publish=parts.publish,
            )
            uow.posts.add(post)
            await uow.commit()
            view = await uow.read.post(post.id, actor.id)
        if view is None:  # deleted between the commit and the read
            raise PostNotFound()
        return view


POSTING_WINDOW = timedelta(days=1)


async def _ensure_may_post(uow: UnitOfWork, actor: Actor, now: datetime) -> None:
    """PostingLimitReached if an admin limited the author and the last day used it up."""
    author = await uow.users.get(actor.id)
    if author is not None and author.posting_limit is not None:
        written = await uow.posts.count_written_since(actor.id, now - POSTING_WINDOW)
        author.ensure_may_post(written)
