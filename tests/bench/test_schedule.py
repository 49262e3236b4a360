"""The order of a round's windows, a contender's slices merged into its round, and the targets
judged on a record: the harness's arithmetic, no server."""

import pytest

from bench import report, targets
from bench.runs import Window, merge
from bench.scenarios import FOLIO, Scenario
from bench.schedule import groups, round_windows
from bench.wrk import Request

REQUEST = (Request("/"),)
BY_ID = Scenario("get_by_id", "", REQUEST, sliced=True)
FIRST = Scenario("list_first", "", REQUEST, sliced=True)
DEEP = Scenario("list_deep_cursor", "", REQUEST, FOLIO, sliced=True, alongside="list_first")
ME = Scenario("me", "", REQUEST, FOLIO)
ARTICLE = Scenario("rw_article", "", REQUEST, ("folio", "rw_flat"))


def _order(scenarios: list[Scenario], round_: int, slices: int) -> list[str]:
    names = ["orm", "core", "rw_flat", "folio"]
    found = round_windows(scenarios, names, round_, slices)
    return [f"{slot.scenario.name}:{slot.contender}:{slot.slice}" for slot in found]


def test_a_scenario_alongside_another_joins_its_group_wherever_it_is_listed() -> None:
    found = groups([FIRST, ME, DEEP, BY_ID])

    assert [[s.name for s in group] for group in found] == [
        ["list_first", "list_deep_cursor"],
        ["me"],
        ["get_by_id"],
    ]


def test_sliced_scenarios_alternate_their_contenders_back_and_forth() -> None:
    order = _order([BY_ID, ME], 1, 3)

    assert order == [
        "get_by_id:orm:0", "get_by_id:core:0", "get_by_id:folio:0",
        "get_by_id:folio:1", "get_by_id:core:1", "get_by_id:orm:1",
        "get_by_id:orm:2", "get_by_id:core:2", "get_by_id:folio:2",
        "me:folio:0",
    ]  # fmt: skip


def test_the_deep_pages_alternate_with_the_first_page_and_each_round_rotates() -> None:
    order = _order([FIRST, DEEP], 2, 2)

    assert order == [
        "list_first:core:0", "list_first:folio:0", "list_first:orm:0",
        "list_deep_cursor:folio:0",
        "list_deep_cursor:folio:1",
        "list_first:orm:1", "list_first:folio:1", "list_first:core:1",
    ]  # fmt: skip


def test_realworld_baselines_serve_only_the_scenarios_that_name_them() -> None:
    order = _order([ARTICLE, BY_ID], 1, 1)

    assert order == [
        "rw_article:rw_flat:0", "rw_article:folio:0",
        "get_by_id:orm:0", "get_by_id:core:0", "get_by_id:folio:0",
    ]  # fmt: skip


def _window(requests: int, seconds: float, cpu: float | None, p99: float) -> Window:
    return Window(requests, seconds, p99 / 4, p99, cpu, 0.5, 0.0, 150.0, 160.0 + p99, 0.2)


def test_slices_merge_as_one_window_requests_over_seconds() -> None:
    slices = [
        _window(600, 1.0, 0.6, 40.0),
        _window(300, 1.0, 0.3, 80.0),
        _window(900, 1.0, 0.9, 20),
    ]

    run = merge("sqlite", "get_by_id", "folio", 2, slices)

    assert run.requests_per_second == 600.0
    assert run.server_cpu_ms_per_request == 1.0
    assert run.p99_ms == 40.0  # the slices' median
    assert run.peak_rss_mb == 240.0
    assert run.client_cpu == 0.5
    assert run.settle_seconds == pytest.approx(0.6)
    assert run.slice_requests_per_second == (600.0, 300.0, 900.0)


def test_one_unreadable_slice_makes_the_cpu_unknown_not_wrong() -> None:
    run = merge("sqlite", "me", "folio", 1, [_window(100, 1.0, None, 9.0), _window(100, 1.0, 1, 9)])

    assert run.server_cpu_ms_per_request is None
    assert (
        merge("sqlite", "me", "folio", 1, [_window(100, 1.0, 1, 9)]).slice_requests_per_second == ()
    )


def _runs(folio: dict[str, float], baselines: dict[str, dict[str, float]]) -> list:
    found = []
    for round_ in (1, 2, 3):
        for scenario, rps in folio.items():
            window = _window(int(rps * (0.9, 1.0, 1.2)[round_ - 1]), 1.0, 0.5, 10.0)
            found.append(merge("postgresql", scenario, "folio", round_, [window]))
        for who, by_scenario in baselines.items():
            for scenario, rps in by_scenario.items():
                found.append(
                    merge("postgresql", scenario, who, round_, [_window(int(rps), 1, 0.5, 10)])
                )
    return found


def test_the_targets_are_judged_on_the_ratios_of_medians() -> None:
    folio = {"get_by_id": 1000, "list_first": 500, "list_deep_cursor": 400}
    baselines = {
        "orm": {"get_by_id": 700, "list_first": 240},
        "core": {"get_by_id": 900, "list_first": 400},
        "asyncpg": {"get_by_id": 1500},
    }
    record = report.build(_runs(folio, baselines), {"rounds": 3})

    verdicts = {v["target"]: (v["measured"], v["met"]) for v in record["targets"]}

    assert verdicts["`get_by_id`: Folio ≥ 1.1x `core`"] == (1.11, True)
    assert verdicts["`get_by_id`: Folio ≥ 0.6x `asyncpg`"] == (0.67, True)
    assert verdicts["`list_first`: Folio ≥ 2.0x `orm`"] == (2.08, True)
    assert verdicts["`list_first`: Folio ≥ 1.1x `core`"] == (1.25, True)
    deep = verdicts["a `list_deep_cursor` request costs ≤ 1.2x a `list_first` one"]
    assert deep == (1.25, False)
    row = "| postgresql | `get_by_id`: Folio ≥ 1.3x `orm` | 1.43 | 1.42 | yes |"
    assert row in targets.table(record)


def test_a_target_the_run_did_not_measure_is_said_so() -> None:
    record = report.build(_runs({"get_by_id": 1000}, {"core": {"get_by_id": 800}}), {})

    verdicts = {v["target"]: v["met"] for v in record["targets"]}

    assert verdicts["`get_by_id`: Folio ≥ 1.1x `core`"] is True
    assert verdicts["`get_by_id`: Folio ≥ 1.3x `orm`"] is None
    assert "not measured" in targets.table(record)


def _rss_verdict(by_round: tuple[float, ...]) -> dict:
    runs = [
        merge("sqlite", "get_by_id", "folio", n, [Window(100, 1, 1, 2, 0.1, 0.1, 0, rss, rss, 0)])
        for n, rss in enumerate(by_round, 1)
    ]
    (verdict,) = [v for v in report.build(runs, {})["targets"] if "RSS" in v["target"]]
    return verdict


def test_rss_growth_from_round_two_on_fails_the_memory_target() -> None:
    verdict = _rss_verdict((150.0, 158.0, 170.0))

    assert verdict["measured"] == [150.0, 158.0, 170.0]
    assert verdict["met"] is False


def test_the_first_rounds_one_time_growth_is_not_a_leak() -> None:
    assert _rss_verdict((150.0, 160.0, 161.0))["met"] is True
    assert _rss_verdict((150.0, 160.0))["met"] is False  # two rounds: from round 1
