"""Restart days (generator/crossref/timing.py): when a stopped thing starts again."""

from __future__ import annotations

import pytest

from generator.crossref.timing import (
    DAYS,
    NEXT_WEEK,
    Restart,
    restart_of,
    restarts_disagree,
    same_week,
    week_start,
)

RESUMPTION = {"open": "+", "suspend": "-"}


@pytest.mark.parametrize(("quote", "concepts", "negated", "expected"), [
    ("sailings would resume on Friday", {"suspend": "-"}, False, Restart(4, False)),
    ("crossings would not restart before Sunday", {"suspend": "+"}, True, Restart(6, True)),
    ("the line will stay closed until Thursday", {"open": "-"}, False, Restart(3, False)),
    ("the line will reopen on Saturday at the earliest", {"open": "+"}, False, Restart(5, True)),
    ("the line will reopen from Monday", {"open": "+"}, False, Restart(0, True)),
    # the day a stop began, not when it ends
    ("ferries were suspended on Wednesday", {"suspend": "+"}, False, None),
    # two days: which one is the restart is not told
    ("suspended on Wednesday, services resume on Friday", {"suspend": "-"}, False, None),
    ("prices rose on Friday", {"increase": "+"}, False, None),
    # relative periods: the coming week when running again, a duration when stopped
    ("the aviary will reopen next week", {"open": "+"}, False, Restart(0, False, NEXT_WEEK, 6)),
    ("it will remain shut for at least a month", {"open": "-"}, False,
     Restart(28, True, DAYS, 3)),
    ("the line will be closed for two weeks", {"open": "-"}, False, Restart(14, False, DAYS, 0)),
    ("the bridge closed next week", {"open": "-"}, False, None),  # when it stops, not ends
    ("the port will reopen for two weeks", {"open": "+"}, False, None),
])
def test_restart_of(quote: str, concepts: dict[str, str], negated: bool,
                    expected: Restart | None) -> None:
    assert restart_of(quote, concepts, RESUMPTION, negated) == expected


def test_restarts_disagree() -> None:
    friday, sunday = Restart(4, False), Restart(6, False)
    not_before_sunday, not_before_friday = Restart(6, True), Restart(4, True)
    assert restarts_disagree(friday, sunday, 0)
    assert restarts_disagree(friday, not_before_sunday, 0)
    assert not restarts_disagree(sunday, not_before_friday, 0)
    assert not restarts_disagree(not_before_friday, not_before_sunday, 0)
    # published on a Saturday: "Friday" is six days on, after "not before Sunday"
    assert not restarts_disagree(friday, not_before_sunday, 5)


def test_periods_disagree() -> None:
    """"Shut for at least a month" or "for two weeks" cannot end "next week" nor this
    Friday; "for a week" from a Monday ends on the coming Monday."""
    next_week = Restart(0, False, NEXT_WEEK, 6)
    month, fortnight = Restart(28, True, DAYS, 3), Restart(14, False, DAYS, 0)
    assert restarts_disagree(month, next_week, 0)
    assert restarts_disagree(fortnight, next_week, 0)
    assert restarts_disagree(fortnight, Restart(4, False), 0)
    assert not restarts_disagree(Restart(7, False, DAYS, 0), next_week, 0)
    assert not restarts_disagree(Restart(4, True), next_week, 0)


def test_week_start() -> None:
    assert week_start("2026-12-05") == 5  # a Saturday
    assert week_start(None) == 0
    assert week_start("not a date") == 0


def test_same_week() -> None:
    assert same_week("2026-12-01", "2026-12-05")
    assert not same_week("2026-12-01", "2026-12-15")
    assert same_week(None, "2026-12-15")
