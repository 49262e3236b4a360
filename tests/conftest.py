"""Suite-wide hooks: say plainly, at the end of a run, which suites were skipped and why."""

from collections import Counter

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else "skipped"
        reasons[reason.removeprefix("Skipped: ")] += 1
    if not reasons:
        return
    terminalreporter.section("suites skipped on this machine")
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"{count:4d} tests: {reason}")
