"""The order of one round's measured windows.

This VM's speed is not steady: a CPU-bound loop pinned to one core runs at one of two speeds,
about 1.6x apart, switching every few seconds (docs/performance.md, "Why the targets are
measured in slices"). A contender measured in one 2 s window a round meets whichever speed held
then, and three rounds' medians of two contenders can come from different speeds. So the
scenarios a target rests on are ``sliced``: each contender's round is several one-second slices,
the contenders' slices alternating (A B C, then C B A, then A B C: a steady drift within the
round costs each the same), so that every contender meets the same moments of the machine. A
scenario ``alongside`` another joins its alternation (the deep cursor pages beside the first
page, the two a target compares)."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bench.scenarios import Scenario


@dataclass(frozen=True, slots=True)
class Slot:
    """One measured window: a contender, a scenario, and which slice of its round it is."""

    scenario: Scenario
    contender: str
    slice: int


def groups(scenarios: Sequence[Scenario]) -> list[list[Scenario]]:
    """The scenarios in running order, each ``alongside`` one joined to that one's group."""
    found: list[list[Scenario]] = []
    by_name: dict[str, list[Scenario]] = {}
    for scenario in scenarios:
        group = by_name.get(scenario.alongside) if scenario.alongside else None
        if group is None:
            group = []
            found.append(group)
        group.append(scenario)
        by_name[scenario.name] = group
    return found


def rotated(names: Sequence[str], round_: int) -> list[str]:
    """The contenders in round ``round_``'s order: the first of one round is last in the next."""
    shift = (round_ - 1) % len(names)
    return [*names[shift:], *names[:shift]]


def round_windows(
    scenarios: Sequence[Scenario], names: Sequence[str], round_: int, slices: int
) -> Iterator[Slot]:
    """Every window of round ``round_``, in the order they are measured: group by group, each
    contender a scenario serves in turn; a sliced group ``slices`` times over, the order
    reversed every other time."""
    order = rotated(names, round_)
    for group in groups(scenarios):
        slots = [(s, name) for s in group for name in order if s.serves(name)]
        for index in range(slices if group[0].sliced else 1):
            for scenario, name in slots if index % 2 == 0 else reversed(slots):
                yield Slot(scenario, name, index)
