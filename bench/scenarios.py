"""The read paths measured: what each scenario asks for, built from the seeded data."""

from dataclasses import dataclass

from bench.seed import Dataset

PAGE = 20


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str
    paths: tuple[str, ...]


def scenarios_for(data: Dataset) -> list[Scenario]:
    """The three scenarios; requests go round robin over each one's paths."""
    pages = tuple(f"/posts?skip={skip}&limit={PAGE}" for skip in range(0, 10 * PAGE, PAGE))
    tagged = tuple(
        f"/posts?tag={tag}&skip={skip}&limit={PAGE}"
        for tag in data.tags_by_use[:4]
        for skip in (0, PAGE, 2 * PAGE)
    )
    step = max(1, len(data.published_ids) // 200)
    reads = tuple(f"/posts/{post_id}" for post_id in data.published_ids[::step][:200])
    return [
        Scenario("list", f"GET /posts, pages of {PAGE} (10 different pages)", pages),
        Scenario("list_by_tag", f"GET /posts?tag=..., pages of {PAGE} (4 tags x 3 pages)", tagged),
        Scenario("get_by_id", f"GET /posts/{{id}} ({len(reads)} different posts)", reads),
    ]


def verification_paths(data: Dataset) -> list[str]:
    """A few paths of every scenario, plus drafts (hidden: 404) and a page past the end."""
    picked = [path for s in scenarios_for(data) for path in s.paths[:: max(1, len(s.paths) // 3)]]
    drafts = [f"/posts/{post_id}" for post_id in data.draft_ids[:2]]
    return [*picked, *drafts, f"/posts?skip={len(data.published_ids)}&limit={PAGE}"]
