"""Write a post, as a draft or published at once, with a slug unique across posts."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.errors import SlugAlreadyTaken
from domain.ids import PostId
from domain.posts.policy import ContentPolicy
from domain.posts.post import Post
from domain.posts.values import Content, Slug, Tags, Title
from domain.roles import Actor


@dataclass(frozen=True, slots=True)
class CreatePostCommand:
    title: str
    content: str
    published: bool = False
    tags: Sequence[str] = field(default_factory=tuple)


class CreatePost:
    """The slug comes from the title; when another post has it, the new post's id is appended,
    also when the other post commits concurrently. Raises InvalidValue or
    ContentPolicyViolation for bad input."""

    def __init__(
        self, uow: UnitOfWork, clock: Clock, ids: IdGenerator, policy: ContentPolicy
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._policy = policy

    async def __call__(self, actor: Actor, command: CreatePostCommand) -> PostView:
        title = Title(command.title)
        content = Content(command.content)
        tags = Tags.of(command.tags)
        post_id = PostId(self._ids.new_id())
        preferred = Slug.from_title(title)
        try:
            post = await self._save(actor, post_id, title, content, tags, command, preferred)
        except SlugAlreadyTaken:
            unique = preferred.with_suffix(post_id.hex[:8])
            post = await self._save(actor, post_id, title, content, tags, command, unique)
        return PostView.of(post)

    async def _save(
        self,
        actor: Actor,
        post_id: PostId,
        title: Title,
        content: Content,
        tags: Tags,
        command: CreatePostCommand,
        slug: Slug,
    ) -> Post:
        async with self._uow as uow:
            if await uow.posts.slug_taken(slug):
                raise SlugAlreadyTaken()
            post = Post.write(
                id=post_id,
                author_id=actor.id,
                title=title,
                slug=slug,
                content=content,
                tags=tags,
                policy=self._policy,
                now=self._clock.now(),
                publish=command.published,
            )
            uow.posts.add(post)
            await uow.commit()
        return post
