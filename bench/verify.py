"""Before anything is timed: every baseline must give Folio's answers to the same requests,
otherwise the comparison is not of the same work. Fields Folio answers that a baseline does not
serve (``next_cursor``, say) are left out of the comparison; every field a baseline serves must
be equal."""

from typing import Any

import httpx

Answers = dict[str, tuple[int, Any]]


class DifferentAnswers(RuntimeError):
    """The baseline and Folio disagree, so their figures would not be comparable."""


def fetch(base_url: str, paths: list[str], headers: dict[str, str] | None = None) -> Answers:
    """Status and body of each path; bodies of error answers are not compared, only statuses."""
    answers: Answers = {}
    with httpx.Client(base_url=base_url, timeout=10.0, headers=headers) as client:
        for path in paths:
            response = client.get(path)
            ok = 200 <= response.status_code < 300
            answers[path] = (response.status_code, response.json() if ok else None)
    return answers


def _first_difference(left: Any, right: Any, where: str = "") -> str | None:
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(left.keys()):
            if key not in right:
                return f"{where}.{key}: missing from folio's answer"
            found = _first_difference(left[key], right[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return f"{where}: {len(left)} items against {len(right)}"
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            found = _first_difference(a, b, f"{where}[{index}]")
            if found:
                return found
        return None
    return None if left == right else f"{where}: {left!r} against {right!r}"


def check_same(baseline: Answers, folio: Answers, name: str = "baseline") -> None:
    """Raise DifferentAnswers naming the first path (and field) where the two disagree."""
    for path, (status, body) in baseline.items():
        folio_status, folio_body = folio[path]
        if status != folio_status:
            raise DifferentAnswers(f"GET {path}: {name} {status}, folio {folio_status}")
        difference = _first_difference(body, folio_body)
        if difference:
            raise DifferentAnswers(f"GET {path}: {name} and folio differ at {difference}")
