"""What is measured. A scenario is a list of requests wrk picks from at random, the contenders it
runs against, and optionally a background load running at the same time (the login flood).

To add one (a RealWorld path, say): append a Scenario in ``scenarios_for``. ``contenders=FOLIO``
measures Folio alone (absolute figures); ``ALL`` also runs every baseline serving the backend,
which must then answer the same paths (see the baselines in bench/ and ``verification_paths``)."""

import json
import random
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.contenders import REALWORLD_BASELINES
from bench.seed import PASSWORD, Dataset
from bench.wrk import Request

PAGE = 20
ALL: tuple[str, ...] = ()  # every contender of the backend (but the RealWorld baselines)
FOLIO = ("folio",)
REALWORLD = ("folio", "rw_flat")
CHEAP_CONNECTIONS = 8


@dataclass(frozen=True, slots=True)
class Background:
    """Load that runs while a scenario is measured, and is not itself reported."""

    requests: tuple[Request, ...]
    connections: int


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str
    requests: tuple[Request, ...]
    contenders: tuple[str, ...] = ALL
    connections: int = 32
    background: Background | None = None
    backends: tuple[str, ...] = ("sqlite", "postgresql")
    min_seconds: int = 1  # slow requests (a login) need a longer window to count at all
    may_starve: bool = False  # no answer within the window is a finding, not a failure
    by_default: bool = True  # False: run only when --only names it
    sliced: bool = False  # a target rests on it: measured in alternating slices (schedule.py)
    alongside: str = ""  # the scenario whose alternation it joins (measured beside it)

    def serves(self, contender: str) -> bool:
        """Whether ``contender`` is measured in it: the ones it names, or (ALL) every
        contender serving Folio's own API."""
        if self.contenders == ALL:
            return contender not in REALWORLD_BASELINES
        return contender in self.contenders

    def runs(self, backend: str, only: frozenset[str] | None) -> bool:
        """Whether a run on ``backend`` limited to ``only`` (None: the default set) has it."""
        named = self.by_default if only is None else self.name in only
        return named and backend in self.backends and bool(self.requests)


def _sample(values: tuple[str, ...], count: int) -> list[str]:
    return random.Random(7).sample(values, min(count, len(values)))


def deep_skips(data: Dataset) -> list[int]:
    """50 pages near the end of the published posts (page 400 and beyond at 9,000 posts)."""
    last = max(0, len(data.published_ids) - PAGE)
    return list(range(max(0, last - 49 * PAGE), last + 1, PAGE))


def _logins(data: Dataset) -> tuple[Request, ...]:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    return tuple(
        Request("/token", "POST", form, urlencode({"username": name, "password": PASSWORD}))
        for name in _sample(data.usernames, 200)
    )


def scenarios_for(data: Dataset, tokens: list[str], cursors: list[str]) -> list[Scenario]:
    """Every scenario, in the order they are run (reads first, then writes, then floods);
    ``tokens`` are bearer tokens of seeded users and ``cursors`` Folio's cursors of the deep
    pages, from the Folio server being measured."""
    reads = tuple(Request(f"/posts/{post_id}") for post_id in _sample(data.published_ids, 1000))
    bearers = [{"Authorization": f"Bearer {token}"} for token in tokens]
    new_post = json.dumps(
        {"title": "Bench post {n}", "content": "Written under load.", "tags": ["bench"]}
    )
    json_bearers = [{**bearer, "Content-Type": "application/json"} for bearer in bearers]
    scenarios = [
        Scenario(
            "get_by_id", "GET /posts/{id}, 1,000 published posts at random", reads, sliced=True
        ),
        Scenario(
            "list_first",
            f"GET /posts?limit={PAGE}",
            (Request(f"/posts?limit={PAGE}"),),
            sliced=True,
        ),
        Scenario(
            "list_deep_cursor",
            "GET /posts?cursor=...&limit=20, 50 pages near the end by Folio's cursors",
            tuple(Request(f"/posts?limit={PAGE}&cursor={cursor}") for cursor in cursors),
            FOLIO,
            sliced=True,
            alongside="list_first",  # the target compares the two: measured side by side
        ),
        # The same deep pages by offset: Folio only (the baselines' answers to them are checked
        # before timing; their offset pages are no target, and a full run has no time for them).
        Scenario(
            "list_deep",
            f"GET /posts?skip=...&limit={PAGE}, the same 50 deep pages by offset",
            tuple(Request(f"/posts?skip={skip}&limit={PAGE}") for skip in deep_skips(data)),
            FOLIO,
        ),
        # The baselines group every published post's tags per request (170-270 ms on SQLite):
        # on a busy machine one may answer none within a short window. Not in the default run
        # (its seven slow contender-runs a round cost over a minute; rw_tags measures the
        # maintained counts against a baseline in every run): `--only tags`.
        Scenario(
            "tags",
            "GET /tags",
            (Request("/tags"),),
            min_seconds=3,
            may_starve=True,
            by_default=False,
        ),
        Scenario(
            "me",
            "GET /me, 20 users' tokens at random",
            tuple(Request("/me", headers=h) for h in bearers),
            FOLIO,
        ),
        Scenario(
            "create_post",
            "POST /posts (a draft with one tag), 20 users at random",
            tuple(Request("/posts", "POST", h, new_post) for h in json_bearers),
            FOLIO,
        ),
        Scenario(
            "token",
            "POST /token (argon2id, Folio's default costs), 8 clients",
            _logins(data),
            FOLIO,
            8,
            min_seconds=3,
            may_starve=True,
        ),
    ]
    scenarios += realworld_scenarios(data, tokens)
    for clients in (0, 4, 40):
        background = Background(_logins(data), clients) if clients else None
        scenarios.append(
            Scenario(
                f"flood_{clients}",
                f"GET /posts/{{id}} ({CHEAP_CONNECTIONS} clients) while {clients} clients log in",
                reads,
                FOLIO,
                CHEAP_CONNECTIONS,
                background,
                ("postgresql",),
                min_seconds=5,
                may_starve=True,
            )
        )
    return scenarios


def verification_paths(data: Dataset) -> list[str]:
    """Read paths every contender must answer alike: posts, drafts (404), first, tagged and deep
    pages, a page past the end, and the tags."""
    posts = [f"/posts/{post_id}" for post_id in _sample(data.published_ids, 6)]
    drafts = [f"/posts/{post_id}" for post_id in data.draft_ids[:2]]
    pages = [f"/posts?limit={PAGE}", f"/posts?skip={deep_skips(data)[0]}&limit={PAGE}"]
    pages += [f"/posts?tag={tag}&skip={PAGE}&limit={PAGE}" for tag in data.tags_by_use[:2]]
    past_the_end = f"/posts?skip={len(data.published_ids)}&limit={PAGE}"
    return [*posts, *drafts, *pages, past_the_end, "/tags"]


def realworld_scenarios(data: Dataset, tokens: list[str]) -> list[Scenario]:
    """The RealWorld read paths under /api, Folio against the flat RealWorld app."""
    slugs = _sample(data.published_slugs, 1000)
    readers = [{"Authorization": f"Token {token}"} for token in tokens]
    return [
        Scenario(
            "rw_article",
            "GET /api/articles/{slug}, 1,000 articles at random, anonymous",
            tuple(Request(f"/api/articles/{slug}") for slug in slugs),
            REALWORLD,
        ),
        Scenario(
            "rw_article_token",
            "GET /api/articles/{slug}, 1,000 articles, 20 readers' tokens at random",
            tuple(
                Request(f"/api/articles/{slug}", headers=readers[n % len(readers)])
                for n, slug in enumerate(slugs)
            ),
            REALWORLD,
        ),
        # The flat app asks about a hundred queries per page: on a busy machine it may answer
        # none within a short window, which is reported, not a failure.
        Scenario(
            "rw_list",
            f"GET /api/articles?limit={PAGE} with a reader's token",
            tuple(Request(f"/api/articles?limit={PAGE}", headers=h) for h in readers),
            REALWORLD,
            may_starve=True,
        ),
        Scenario(
            "rw_feed",
            f"GET /api/articles/feed?limit={PAGE}, 20 readers' tokens at random",
            tuple(Request(f"/api/articles/feed?limit={PAGE}", headers=h) for h in readers),
            REALWORLD,
            may_starve=True,
        ),
        Scenario(
            "rw_tags",
            "GET /api/tags",
            (Request("/api/tags"),),
            REALWORLD,
            may_starve=True,
        ),
    ]


def realworld_verification_paths(data: Dataset) -> list[str]:
    """RealWorld paths (read with the first reader's token) both contenders must answer alike:
    articles, an unknown slug (404), the first and a deep page, the feed and the tags."""
    articles = [f"/api/articles/{slug}" for slug in _sample(data.published_slugs, 6)]
    deep = deep_skips(data)[0]
    pages = [f"/api/articles?limit={PAGE}", f"/api/articles?limit={PAGE}&offset={deep}"]
    feed = [f"/api/articles/feed?limit={PAGE}", f"/api/articles/feed?limit={PAGE}&offset=5"]
    return [*articles, "/api/articles/no-such-article", *pages, *feed, "/api/tags"]
